package jp.budgetledger.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
@Tag(name = "operations")
class AdminController {

    private final ProjectionRebuilds rebuilds;
    private final CurrentUser user;

    AdminController(ProjectionRebuilds rebuilds, CurrentUser user) {
        this.rebuilds = rebuilds;
        this.user = user;
    }

    @Operation(summary = "Rebuild a read model on every node",
            description = "Each node stops the read model, drops its rows and replays the events into it. Answers 202 with the rebuild's state; "
                    + "while it runs, every API read carries X-Ledger-Rebuilding. An unknown name is 400; a rebuild already running is 409.")
    @ApiResponse(responseCode = "202", description = "Rebuild requested", useReturnTypeSchema = true)
    @PostMapping("/api/admin/projections/{name}/rebuild")
    ResponseEntity<ProjectionRebuilds.Status> rebuild(@PathVariable String name) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuilds.request(name, user.name()));
    }

    @Operation(summary = "Read models and their rebuilds",
            description = "Each read model's last rebuild: state, events done and to do, rate and seconds left.")
    @GetMapping("/api/admin/projections")
    List<ProjectionRebuilds.Status> projections() {
        return rebuilds.statuses();
    }
}
