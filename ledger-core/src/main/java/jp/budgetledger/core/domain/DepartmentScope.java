package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.MetadataKeys;
import jp.budgetledger.core.api.Text;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Collection;

/**
 * Department scoping, decided where a line changes: inside the unit of work of the command that changes it, against the line's
 * department as the line itself holds it at that moment. The scope is that of the root command of the unit of work (for an
 * approved draft, the approval: the approver's), given in its metadata under {@link MetadataKeys#DEPARTMENTS} (anything but a list of names there allows no
 * department); a command without it, or work outside any command's unit of work, is not limited.
 */
final class DepartmentScope {

    private DepartmentScope() {
    }

    /** @throws DepartmentOutOfScopeException when the command's sender is limited to other departments than {@code department} */
    static void require(Department department) {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Message<?> message = root.getMessage();
        Object scope = message == null ? null : message.getMetaData().get(MetadataKeys.DEPARTMENTS);
        if (scope == null) {
            return;
        }
        String key = department.key();
        if (!(scope instanceof Collection<?> departments) || departments.stream().noneMatch(d -> d != null && Text.key(d.toString()).equals(key))) {
            Object actor = message.getMetaData().get(MetadataKeys.ACTOR);
            throw new DepartmentOutOfScopeException(actor == null ? "the sender" : actor.toString(), department);
        }
    }
}
