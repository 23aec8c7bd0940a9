package de.digitalstrategie.cockpit.sandbox.demo;

import de.digitalstrategie.cockpit.sandbox.demo.CsvTable;
import de.digitalstrategie.cockpit.organisation.Department;
import de.digitalstrategie.cockpit.organisation.DepartmentKind;
import de.digitalstrategie.cockpit.organisation.FieldOfAction;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.organisation.store.OrganisationStore;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Loads a municipality's organisation from its seed files: fields of action
 * ({@code id,name_de,name_en,source_url}) and organisational units ({@code name,kind,source_url},
 * kind as the city spells it). Loading again updates what is there; nothing is deleted.
 */
public final class OrganisationSeed {
    private final OrganisationStore store;

    public OrganisationSeed(OrganisationStore store) {
        this.store = store;
    }

    /** @return the fields of action read, in the file's order */
    public List<FieldOfAction> loadFieldsOfAction(Reader csv) throws IOException {
        CsvTable table = CsvTable.read(csv).require("id", "name_de", "name_en");
        List<Map<String, String>> rows = table.rows();
        List<FieldOfAction> fields = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            FieldOfAction field = new FieldOfAction(row.get("id"), row.get("name_de"), row.get("name_en"), i + 1,
                    row.getOrDefault("source_url", ""));
            store.save(field);
            fields.add(field);
        }
        return fields;
    }

    /** @return the units read; a name that slugs like an earlier one gets a numbered key */
    public List<Department> loadDepartments(Reader csv) throws IOException {
        CsvTable table = CsvTable.read(csv).require("name", "kind");
        Set<String> keys = new HashSet<>();
        List<Department> departments = new java.util.ArrayList<>();
        for (Map<String, String> row : table.rows()) {
            String base = Slug.of(row.get("name"));
            String key = base;
            for (int n = 2; !keys.add(key); n++) {
                key = base + "-" + n;
            }
            Department department = new Department(key, row.get("name"), kind(row.get("kind")),
                    row.getOrDefault("source_url", ""));
            store.save(department);
            departments.add(department);
        }
        return departments;
    }

    /** The kind as the city's files spell it ("Fachbereich", "externer Partner"). */
    static DepartmentKind kind(String value) {
        String name = value.strip().replace(' ', '_').toUpperCase(Locale.ROOT);
        return Arrays.stream(DepartmentKind.values()).filter(k -> k.name().equals(name)).findFirst()
                .orElseThrow(() -> ValidationException.of("sandbox.seed.error.unknown-kind", value));
    }
}
