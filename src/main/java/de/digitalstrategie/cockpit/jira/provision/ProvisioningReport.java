package de.digitalstrategie.cockpit.jira.provision;

import de.digitalstrategie.cockpit.message.Message;

import java.util.List;

/** What provisioning found, created and could not create, item by item, in plain words. */
public record ProvisioningReport(List<Item> items) {

    public enum Outcome { FOUND, CREATED, FAILED }

    /**
     * One issue type, custom field, link type, or issue type in a project, and what became of it.
     *
     * @param line    what the admin page says about it
     * @param problem what Jira said when it failed, or null
     */
    public record Item(String kind, String name, Outcome outcome, Message line, Message problem) {

        /** An item said the usual way: "Vorhanden: X.", "Angelegt: X.", "Nicht angelegt: X.". */
        public Item(String kind, String name, Outcome outcome, Message problem) {
            this(kind, name, outcome, Message.of(switch (outcome) {
                case FOUND -> "cockpit.admin.provision.found";
                case CREATED -> "cockpit.admin.provision.created";
                case FAILED -> "cockpit.admin.provision.failed";
            }, name), problem);
        }
    }

    public ProvisioningReport {
        items = List.copyOf(items);
    }

    public long count(Outcome outcome) {
        return items.stream().filter(i -> i.outcome() == outcome).count();
    }

    public boolean complete() {
        return count(Outcome.FAILED) == 0;
    }
}
