package de.digitalstrategie.cockpit.minutes;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Demo records: decisions and advisory input that only demonstrate the plugin (the sandbox
 * seeds them from its demo minutes) and must never leave it, into a Jira least of all. Each
 * carries the mark in its own data: the macro id it has on its minutes page is the name-based
 * UUID of "cockpit-demo:" and its number. Confluence's editor gives every macro a random UUID,
 * so the records of real minutes never carry such an id (unless a demo macro was copied into
 * them along with its number, which makes the copy demo data too).
 */
public final class DemoRecords {
    private static final String NAMESPACE = "cockpit-demo:";

    private DemoRecords() {
    }

    /** The macro id that marks the demo record of this number (or any other demo macro, by its seed). */
    public static String macroId(String seed) {
        return UUID.nameUUIDFromBytes((NAMESPACE + seed).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Whether a record with this macro id and number is demo data. */
    public static boolean isDemo(String macroId, String number) {
        return macroId != null && number != null && macroId.equals(macroId(number));
    }
}
