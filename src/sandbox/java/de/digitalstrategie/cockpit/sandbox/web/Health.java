package de.digitalstrategie.cockpit.sandbox.web;

import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.committee.Sector;
import de.digitalstrategie.cockpit.sandbox.Sandbox;
import de.digitalstrategie.cockpit.sandbox.demo.WormsDemo;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The health report: is the database there, and what does it hold. */
public record Health(String status, Map<String, Object> database, Map<String, Object> counts) {

    static Health of(Sandbox sandbox) {
        Map<String, Object> database = new LinkedHashMap<>();
        database.put("kind", sandbox.database.kind().name());
        database.put("url", sandbox.database.describe());
        database.put("tablePrefix", sandbox.ao.tablePrefix());

        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("projects", sandbox.projects.count());
        counts.put("departments", sandbox.organisation.countDepartments());
        counts.put("fieldsOfAction", sandbox.organisation.fieldsOfAction().size());
        counts.put("steeringCommitteeMeetings", sandbox.committee.countMeetings(WormsDemo.STEERING));
        counts.put("advisoryBoardMeetings", sandbox.committee.countMeetings(WormsDemo.ADVISORY));
        counts.put("decisions", sandbox.decisions.count());
        counts.put("decisionsByStatus", sandbox.decisions.countByStatus());
        counts.put("advisoryInputs", sandbox.advisory.count());
        counts.put("advisoryInputsByAnswer", sandbox.advisory.countByStatus());
        Map<Sector, Integer> bySector = new EnumMap<>(Sector.class);
        for (AdvisoryInput input : sandbox.advisory.all()) {
            input.sectors().forEach(s -> bySector.merge(s, 1, Integer::sum));
        }
        counts.put("advisoryInputsBySector", bySector);
        // Saved minutes pages the registers have not taken yet: 0 a moment after every save.
        counts.put("pendingMinutesPages", sandbox.pendingPages.count());
        return new Health("UP", database, counts);
    }
}
