package de.digitalstrategie.cockpit.organisation.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import de.digitalstrategie.cockpit.organisation.Department;
import de.digitalstrategie.cockpit.organisation.DepartmentKind;
import de.digitalstrategie.cockpit.organisation.FieldOfAction;
import de.digitalstrategie.cockpit.organisation.Organisation;
import de.digitalstrategie.cockpit.store.ChangeStamps;
import de.digitalstrategie.cockpit.store.SerializableWrites;
import de.digitalstrategie.cockpit.store.StampedCache;
import net.java.ao.DBParam;
import net.java.ao.Query;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Departments and fields of action: the configurable organisation of the strategy. Every portfolio
 * and roadmap view names its groups by it while it changes a few times a year, so a node keeps what
 * it read under the organisation's stamp ({@link ChangeStamps}): a view reads one short row instead
 * of both tables.
 */
public class OrganisationStore {
    /** The area of {@link ChangeStamps} every write of the organisation touches. */
    static final String AREA = "organisation";

    private final ActiveObjects ao;
    private final ChangeStamps stamps;
    private final StampedCache<Boolean, Organisation> kept = new StampedCache<>(1);

    public OrganisationStore(ActiveObjects ao, ChangeStamps stamps) {
        this.ao = ao;
        this.stamps = stamps;
    }

    /** Creates or updates the department with the same key. */
    public void save(Department department) {
        // The organisation's one stamp row: two saves at once meet there and one is tried again.
        SerializableWrites.inTransaction(ao, () -> {
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
            stamps.touch(AREA);
            return null;
        });
    }

    /** Creates or updates the field of action with the same key. */
    public void save(FieldOfAction field) {
        // The organisation's one stamp row: two saves at once meet there and one is tried again.
        SerializableWrites.inTransaction(ao, () -> {
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
            stamps.touch(AREA);
            return null;
        });
    }

    /** The fields of action and departments, as this node last read them while the organisation is unchanged. */
    public Organisation organisation() {
        // The stamp before the tables: a write committed in between is read again on the next call.
        return kept.get(true, stamps.current(AREA), this::read);
    }

    private Organisation read() {
        List<Department> departments = new java.util.ArrayList<>();
        ao.stream(DepartmentEntity.class, Query.select("*").order("NAME"), e -> departments.add(toDepartment(e)));
        List<FieldOfAction> fields = new java.util.ArrayList<>();
        ao.stream(FieldOfActionEntity.class, Query.select("*")
                .order(FieldOfActionEntity.SORT_ORDER + ", " + FieldOfActionEntity.FIELD_KEY), e -> fields.add(toField(e)));
        return new Organisation(fields, departments);
    }

    public List<Department> departments() {
        return organisation().departments();
    }

    public Optional<Department> department(String key) {
        return Arrays.stream(ao.find(DepartmentEntity.class, DepartmentEntity.DEPARTMENT_KEY + " = ?", key))
                .findFirst().map(OrganisationStore::toDepartment);
    }

    public int countDepartments() {
        return ao.count(DepartmentEntity.class);
    }

    public List<FieldOfAction> fieldsOfAction() {
        return organisation().fieldsOfAction();
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
