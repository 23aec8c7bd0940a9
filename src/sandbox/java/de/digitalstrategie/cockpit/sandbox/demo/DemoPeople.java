package de.digitalstrategie.cockpit.sandbox.demo;

import de.digitalstrategie.cockpit.committee.MemberRole;
import de.digitalstrategie.cockpit.committee.Sector;
import de.digitalstrategie.cockpit.sandbox.host.DemoUserManager.DemoUser;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The sandbox's demo people: fictitious, named by role (the seed data carries no personal names).
 * Each may sit on the steering committee, the advisory board, or neither.
 */
public final class DemoPeople {

    /** @param department the start of the name of the unit they manage, or "" */
    public record Person(String key, String name, MemberRole steering, MemberRole advisory, Sector sector,
                         String department, boolean publishConsent, boolean admin) {
    }

    public static final List<Person> ALL = List.of(
            new Person("cdo", "Chief Digital Officer (Demo)", MemberRole.CDO, MemberRole.CDO, null, "Stabsabteilung", true, false),
            new Person("schriftfuehrung", "Schriftführung Stabsabteilung (Demo)", MemberRole.SECRETARY, MemberRole.SECRETARY, null, "Stabsabteilung", true, false),
            new Person("leitung-innere", "Leitung Innere Verwaltung (Demo)", MemberRole.VOTING_MEMBER, null, null, "Innere Verwaltung", true, false),
            new Person("leitung-finanzen", "Leitung Finanzen (Demo)", MemberRole.VOTING_MEMBER, null, null, "Finanzen", true, false),
            new Person("leitung-bildung", "Leitung Schulen und Bildung (Demo)", MemberRole.VOTING_MEMBER, null, null, "", false, false),
            new Person("leitung-planen", "Leitung Planen und Bauen (Demo)", MemberRole.VOTING_MEMBER, null, null, "", true, false),
            new Person("leitung-sicherheit", "Leitung Sicherheit und Ordnung (Demo)", MemberRole.VOTING_MEMBER, null, null, "", false, false),
            new Person("leitung-soziales", "Leitung Soziales (Demo)", MemberRole.VOTING_MEMBER, null, null, "", true, false),
            new Person("expertin-wirtschaft", "Sachverständige Wirtschaft (Demo)", null, MemberRole.ADVISORY_EXPERT, Sector.WIRTSCHAFT, "", true, false),
            new Person("experte-wirtschaft", "Sachverständiger Wirtschaft (Demo)", null, MemberRole.ADVISORY_EXPERT, Sector.WIRTSCHAFT, "", false, false),
            new Person("expertin-kommunen", "Sachverständige Kommunen (Demo)", null, MemberRole.ADVISORY_EXPERT, Sector.KOMMUNEN, "", true, false),
            new Person("experte-kommunen", "Sachverständiger Kommunen (Demo)", null, MemberRole.ADVISORY_EXPERT, Sector.KOMMUNEN, "", true, false),
            new Person("expertin-wissenschaft", "Sachverständige Wissenschaft (Demo)", null, MemberRole.ADVISORY_EXPERT, Sector.WISSENSCHAFT, "", true, false),
            new Person("experte-wissenschaft", "Sachverständiger Wissenschaft (Demo)", null, MemberRole.ADVISORY_EXPERT, Sector.WISSENSCHAFT, "", false, false),
            new Person("expertin-gesellschaft", "Sachverständige Gesellschaft (Demo)", null, MemberRole.ADVISORY_EXPERT, Sector.GESELLSCHAFT, "", true, false),
            new Person("experte-gesellschaft", "Sachverständiger Gesellschaft (Demo)", null, MemberRole.ADVISORY_EXPERT, Sector.GESELLSCHAFT, "", true, false),
            new Person("mitarbeiterin", "Mitarbeiterin Fachbereich (Demo)", null, null, null, "", false, false),
            new Person("admin", "Administration (Demo)", null, null, null, "", false, true));

    /** Who set English as their language in their profile; everyone else reads the site's German. */
    public static final Set<String> ENGLISH = Set.of("schriftfuehrung", "leitung-finanzen", "expertin-wissenschaft");

    private DemoPeople() {
    }

    /** The people as users of the host, administrators in Confluence's administrators group. */
    public static List<DemoUser> users() {
        List<DemoUser> users = new ArrayList<>();
        for (Person p : ALL) {
            users.add(new DemoUser(p.key(), p.name(),
                    p.admin() ? Set.of("confluence-users", "confluence-administrators") : Set.of("confluence-users")));
        }
        return users;
    }
}
