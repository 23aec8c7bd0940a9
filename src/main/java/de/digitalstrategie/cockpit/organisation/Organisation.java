package de.digitalstrategie.cockpit.organisation;

import java.util.List;

/** The strategy's organisation as a view reads it: fields of action in their order, departments by name. */
public record Organisation(List<FieldOfAction> fieldsOfAction, List<Department> departments) {
    public Organisation {
        fieldsOfAction = List.copyOf(fieldsOfAction);
        departments = List.copyOf(departments);
    }
}
