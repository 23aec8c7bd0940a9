package de.digitalstrategie.cockpit.minutes.place;

import de.digitalstrategie.cockpit.message.ValidationException;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;

/**
 * Where one body's minutes live: whole spaces (by key) and page trees (by the id of the page at
 * their top, which belongs to its tree). A page is in the places if its space is one of the spaces,
 * or it or a page above it is the top of one of the trees.
 */
public record Places(Set<String> spaceKeys, Set<Long> pageTrees) {
    public static final Places NONE = new Places(Set.of(), Set.of());
    /** More are a typing accident, not a body's minutes. */
    public static final int MAX_ENTRIES = 50;
    /** Confluence's keys of global spaces: letters and digits (personal spaces, "~name", hold no minutes). */
    private static final Pattern SPACE_KEY = Pattern.compile("[A-Za-z0-9]{1,255}");
    private static final Pattern PAGE_ID = Pattern.compile("[1-9][0-9]{0,18}");
    private static final Pattern SEPARATORS = Pattern.compile("[,;\\s]+");

    public Places {
        spaceKeys = Collections.unmodifiableSet(new TreeSet<>(spaceKeys));
        pageTrees = Collections.unmodifiableSet(new TreeSet<>(pageTrees));
    }

    public boolean isEmpty() {
        return spaceKeys.isEmpty() && pageTrees.isEmpty();
    }

    /**
     * Whether the page is in these places. Space keys compare exactly, as Confluence shows them: a
     * key typed in another case names no space, and records nothing rather than too much.
     */
    public boolean contains(PageLocation page) {
        if (!page.isPage()) {
            return false;
        }
        return spaceKeys.contains(page.spaceKey()) || pageTrees.contains(page.pageId())
                || page.ancestorIds().stream().anyMatch(pageTrees::contains);
    }

    /** The space keys as an administrator types them: separated by commas, semicolons or spaces. */
    public static Set<String> spaceKeys(String text) {
        Set<String> keys = new LinkedHashSet<>();
        for (String entry : entries(text)) {
            if (!SPACE_KEY.matcher(entry).matches()) {
                throw ValidationException.of("cockpit.places.error.space-key", entry);
            }
            keys.add(entry);
        }
        return keys;
    }

    /**
     * The ids of the pages at the top of the trees, each of which must be a page ({@code isPage});
     * Confluence shows a page's id in its address and under "Page information".
     */
    public static Set<Long> pageIds(String text, LongPredicate isPage) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String entry : entries(text)) {
            if (!PAGE_ID.matcher(entry).matches()) {
                throw ValidationException.of("cockpit.places.error.page-id", entry);
            }
            long id;
            try {
                id = Long.parseLong(entry);
            } catch (NumberFormatException e) {
                throw ValidationException.of("cockpit.places.error.page-id", entry);
            }
            if (!isPage.test(id)) {
                throw ValidationException.of("cockpit.places.error.no-page", String.valueOf(id));
            }
            ids.add(id);
        }
        return ids;
    }

    private static List<String> entries(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> entries = Arrays.stream(SEPARATORS.split(text.strip())).filter(s -> !s.isEmpty()).toList();
        if (entries.size() > MAX_ENTRIES) {
            throw ValidationException.of("cockpit.places.error.too-many", MAX_ENTRIES, entries.size());
        }
        return entries;
    }

    /** The spaces as the settings keep them and the admin page shows them. */
    public String spacesText() {
        return String.join(", ", spaceKeys);
    }

    public String pagesText() {
        return String.join(", ", pageTrees.stream().map(String::valueOf).toList());
    }
}
