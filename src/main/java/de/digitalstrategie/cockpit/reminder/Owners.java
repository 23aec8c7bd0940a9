package de.digitalstrategie.cockpit.reminder;

import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import de.digitalstrategie.cockpit.access.Roles;
import de.digitalstrategie.cockpit.committee.Body;
import de.digitalstrategie.cockpit.committee.BodyKind;
import de.digitalstrategie.cockpit.committee.Member;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.organisation.Department;
import de.digitalstrategie.cockpit.organisation.DepartmentKind;
import de.digitalstrategie.cockpit.organisation.store.OrganisationStore;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Who a decision's owner text names, by the rule of the package description: a user name is that
 * person; a unit's key or name is the people known to manage it (the staff unit's: its CDO and
 * secretaries); anything else is no one. Read once per run: the units and seats it resolves
 * against are the organisation's and the bodies' at that moment.
 */
public final class Owners {
    private final UserManager users;
    /** Each unit's normalised key and name, to its responsible people's user keys. */
    private final Map<String, SortedSet<String>> units;
    private final SortedSet<String> staffUnit;

    private Owners(UserManager users, Map<String, SortedSet<String>> units, SortedSet<String> staffUnit) {
        this.users = users;
        this.units = units;
        this.staffUnit = staffUnit;
    }

    public static Owners read(UserManager users, OrganisationStore organisation, CommitteeStore committee, Roles roles) {
        Map<String, SortedSet<String>> managers = new HashMap<>();
        for (Body body : committee.bodies()) {
            if (body.kind() != BodyKind.STEERING_COMMITTEE) {
                continue;
            }
            for (Member seat : committee.members(body.key())) {
                if (!seat.departmentKey().isEmpty()) {
                    managers.computeIfAbsent(seat.departmentKey(), k -> new TreeSet<>()).add(seat.userKey());
                }
            }
        }
        SortedSet<String> staff = roles.staffUnit();
        Map<String, SortedSet<String>> units = new HashMap<>();
        for (Department unit : organisation.departments()) {
            SortedSet<String> people = unit.kind() == DepartmentKind.STABSABTEILUNG ? staff
                    : managers.getOrDefault(unit.key(), new TreeSet<>());
            units.putIfAbsent(normalise(unit.key()), people);
            units.putIfAbsent(normalise(unit.name()), people);
        }
        return new Owners(users, Map.copyOf(units), staff);
    }

    /** The staff unit's people: they hear of what no one else answers for. */
    public SortedSet<String> staffUnit() {
        return staffUnit;
    }

    /** The user keys the owner text names; empty when it names no one the plugin can reach. */
    public Set<String> resolve(String owner) {
        String text = owner == null ? "" : owner.strip();
        if (text.isEmpty()) {
            return Set.of();
        }
        UserProfile person = users.getUserProfile(text);
        if (person != null && person.getUserKey() != null) {
            return Set.of(person.getUserKey().getStringValue());
        }
        return Set.copyOf(units.getOrDefault(normalise(text), new TreeSet<>()));
    }

    /**
     * Letter case, quotation marks, runs of spaces and a trailing bracketed addition do not make
     * another unit: "Stabsabteilung „Digitalisierung und E-Government“ (Leitung: CDO)" is written
     * "Stabsabteilung Digitalisierung und E-Government" in minutes. The addition may be cut off
     * unclosed, as where a longer owner text was shortened to fit the macro's field.
     */
    static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s*\\([^)]*\\)?\\s*$", "")
                .replaceAll("[\"'„“”‚‘’«»]", "").replaceAll("\\s+", " ").strip();
    }
}
