package de.digitalstrategie.cockpit.organisation.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import de.digitalstrategie.cockpit.organisation.Department;
import de.digitalstrategie.cockpit.organisation.DepartmentKind;
import de.digitalstrategie.cockpit.organisation.FieldOfAction;
import net.java.ao.DBParam;
import net.java.ao.Query;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Departments and fields of action: the configurable organisation of the strategy. */
public class OrganisationStore {
    private final ActiveObjects ao;

    public OrganisationStore(ActiveObjects ao) {
        this.ao = ao;
    }

    /** Creates or updates the department with the same key. */
    public void save(Department department) {
        ao.executeInTransaction(() -> {
            DepartmentEntity[] found = ao.find(DepartmentEntity.class, DepartmentEntity.DEPARTMENT_KEY + " = ?",
                    department.key());
            DepartmentEntity entity = found.length > 0 ? found[0]
                    : ao.create(DepartmentEntity.class,
                    new DBParam(DepartmentEntity.DEPARTMENT_KEY, department.key()),
                    new DBParam("NAME", department.name()),
                    new DBParam("KIND", department.kind().name()));
            entity.setName(department.name());
            entity.setKind(department.kind().name());
            entity.setSourceUrl(department.sourceUrl());
            entity.save();
            return null;
        });
    }

    /** Creates or updates the field of action with the same key. */
    public void save(FieldOfAction field) {
        ao.executeInTransaction(() -> {
            FieldOfActionEntity[] found = ao.find(FieldOfActionEntity.class, FieldOfActionEntity.FIELD_KEY + " = ?",
                    field.key());
            FieldOfActionEntity entity = found.length > 0 ? found[0]
                    : ao.create(FieldOfActionEntity.class,
                    new DBParam(FieldOfActionEntity.FIELD_KEY, field.key()),
                    new DBParam("NAME_DE", field.nameDe()));
            entity.setNameDe(field.nameDe());
            entity.setNameEn(field.nameEn());
            entity.setSortOrder(field.position());
            entity.setSourceUrl(field.sourceUrl());
            entity.save();
            return null;
        });
    }

    /** Read on every view of the portfolio: streamed, read-only, nothing kept. */
    public List<Department> departments() {
        List<Department> departments = new java.util.ArrayList<>();
        ao.stream(DepartmentEntity.class, Query.select("*").order("NAME"), e -> departments.add(toDepartment(e)));
        return List.copyOf(departments);
    }

    public Optional<Department> department(String key) {
        return Arrays.stream(ao.find(DepartmentEntity.class, DepartmentEntity.DEPARTMENT_KEY + " = ?", key))
                .findFirst().map(OrganisationStore::toDepartment);
    }

    public int countDepartments() {
        return ao.count(DepartmentEntity.class);
    }

    /** Read on every view of the portfolio: streamed, read-only, nothing kept. */
    public List<FieldOfAction> fieldsOfAction() {
        List<FieldOfAction> fields = new java.util.ArrayList<>();
        ao.stream(FieldOfActionEntity.class, Query.select("*")
                .order(FieldOfActionEntity.SORT_ORDER + ", " + FieldOfActionEntity.FIELD_KEY), e -> fields.add(toField(e)));
        return List.copyOf(fields);
    }

    public Optional<FieldOfAction> fieldOfAction(String key) {
        return Arrays.stream(ao.find(FieldOfActionEntity.class, FieldOfActionEntity.FIELD_KEY + " = ?", key))
                .findFirst().map(OrganisationStore::toField);
    }

    private static Department toDepartment(DepartmentEntity e) {
        return new Department(e.getDepartmentKey(), e.getName(), DepartmentKind.valueOf(e.getKind()), e.getSourceUrl());
    }

    private static FieldOfAction toField(FieldOfActionEntity e) {
        return new FieldOfAction(e.getFieldKey(), e.getNameDe(), e.getNameEn(), e.getSortOrder(), e.getSourceUrl());
    }
}
