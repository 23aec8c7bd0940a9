package de.digitalstrategie.cockpit.calendar.store;

import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The personal calendar addresses on every database: one per user, found by digest, ended by revoking or renewing. */
@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class FeedTokensTest {
    private final StoreFixture store;
    private final FeedTokens tokens;

    FeedTokensTest(DatabaseTarget target) {
        this.store = StoreFixture.on(target);
        this.tokens = store.bean(FeedTokens.class);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anAddressLeadsToItsOwnerUntilRenewedOrRevoked() {
        assertEquals(Optional.empty(), tokens.issued("cdo"));
        String first = tokens.create("cdo");
        String other = tokens.create("mitarbeiterin");
        assertTrue(first.matches("[A-Za-z0-9_-]{43}"), first);
        assertEquals(Optional.of("cdo"), tokens.owner(first));
        assertEquals(Optional.of("mitarbeiterin"), tokens.owner(other));
        assertEquals(Optional.of(StoreFixture.CLOCK.instant()), tokens.issued("cdo"));

        String second = tokens.create("cdo");
        assertNotEquals(first, second);
        assertEquals(Optional.empty(), tokens.owner(first), "a new address ends the old one");
        assertEquals(Optional.of("cdo"), tokens.owner(second));
        assertEquals(1, store.ao.find(FeedTokenEntity.class, FeedTokenEntity.USER_KEY + " = ?", "cdo").length);

        tokens.revoke("cdo");
        assertEquals(Optional.empty(), tokens.owner(second));
        assertEquals(Optional.empty(), tokens.issued("cdo"));
        assertEquals(Optional.of("mitarbeiterin"), tokens.owner(other), "another user's address stays");
        tokens.revoke("cdo");
    }

    @Test
    void anythingButACurrentSecretLeadsNowhere() {
        String secret = tokens.create("cdo");
        for (String wrong : new String[]{null, "", "kurz", secret.toLowerCase(), secret + "A", " " + secret,
                secret.substring(1) + "'", "A".repeat(43)}) {
            if (!secret.equals(wrong)) {
                assertEquals(Optional.empty(), tokens.owner(wrong), String.valueOf(wrong));
            }
        }
        FeedTokenEntity row = store.ao.find(FeedTokenEntity.class, FeedTokenEntity.USER_KEY + " = ?", "cdo")[0];
        assertTrue(row.getTokenHash().matches("[0-9a-f]{64}"), "only the digest is kept");
    }

    @Test
    void secretsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            assertTrue(seen.add(tokens.create("u" + (i % 7))));
        }
    }
}
