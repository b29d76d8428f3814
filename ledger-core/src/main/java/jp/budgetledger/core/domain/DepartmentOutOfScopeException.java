package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Department;

/** A command would change, add or move a line of a department its sender (or, for an approved draft, its approver) may not act for. */
public class DepartmentOutOfScopeException extends RuntimeException {

    private final String user;
    private final transient Department department;

    public DepartmentOutOfScopeException(String user, Department department) {
        super(user + " may not change lines of " + department.name());
        this.user = user;
        this.department = department;
    }

    public String user() {
        return user;
    }

    public Department department() {
        return department;
    }
}
