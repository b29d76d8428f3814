package jp.budgetledger.app.web;

import jp.budgetledger.app.cluster.ProjectionRebuilds;
import jp.budgetledger.app.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Operations for administrators: rebuilding a projection on every node, and its progress. */
@RestController
class AdminController {

    private final ProjectionRebuilds rebuilds;
    private final CurrentUser user;

    AdminController(ProjectionRebuilds rebuilds, CurrentUser user) {
        this.rebuilds = rebuilds;
        this.user = user;
    }

    @PostMapping("/api/admin/projections/{name}/rebuild")
    ResponseEntity<ProjectionRebuilds.Status> rebuild(@PathVariable String name) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuilds.request(name, user.name()));
    }

    @GetMapping("/api/admin/projections")
    List<ProjectionRebuilds.Status> projections() {
        return rebuilds.statuses();
    }
}
