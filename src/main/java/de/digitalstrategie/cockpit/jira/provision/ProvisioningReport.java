package de.digitalstrategie.cockpit.jira.provision;

import de.digitalstrategie.cockpit.message.Message;

import java.util.List;

/** What provisioning found, created and could not create, item by item, in plain words. */
public record ProvisioningReport(List<Item> items) {

    public enum Outcome { FOUND, CREATED, FAILED }

    /** One issue type, custom field or link type and what became of it. */
    public record Item(String kind, String name, Outcome outcome, Message problem) {
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
