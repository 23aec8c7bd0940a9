package de.digitalstrategie.cockpit.calendar.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.DBParam;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The personal calendar feed addresses: at most one per user, made of a random secret of 256 bits
 * that is shown to its owner once, when it is made, and kept only as its SHA-256 digest (a secret
 * this long needs no slow hash: it cannot be guessed, only stolen). A lost address cannot be shown
 * again; its owner makes a new one, which ends the old one, as revoking does.
 */
public class FeedTokens {
    /** What a secret looks like: 32 random bytes, base64url without padding. */
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");
    private final ActiveObjects ao;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public FeedTokens(ActiveObjects ao, Clock clock) {
        this.ao = ao;
        this.clock = clock;
    }

    /**
     * Makes the user's address anew: the one they had stops working in the same transaction.
     *
     * @return the secret, for the owner's eyes once; it is nowhere else
     */
    public String create(String userKey) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ao.executeInTransaction(() -> {
            ao.deleteWithSQL(FeedTokenEntity.class, FeedTokenEntity.USER_KEY + " = ?", userKey);
            ao.create(FeedTokenEntity.class, new DBParam(FeedTokenEntity.USER_KEY, userKey),
                    new DBParam(FeedTokenEntity.TOKEN_HASH, digest(secret)),
                    new DBParam("CREATED", Date.from(clock.instant())));
            return null;
        });
        return secret;
    }

    /** Ends the user's address, if they have one: from now on it answers like one that never was. */
    public void revoke(String userKey) {
        ao.executeInTransaction(() -> {
            ao.deleteWithSQL(FeedTokenEntity.class, FeedTokenEntity.USER_KEY + " = ?", userKey);
            return null;
        });
    }

    /** When the user's current address was made; empty when they have none. */
    public Optional<Instant> issued(String userKey) {
        return Arrays.stream(ao.find(FeedTokenEntity.class, FeedTokenEntity.USER_KEY + " = ?", userKey))
                .map(e -> e.getCreated().toInstant()).max(Comparator.naturalOrder());
    }

    /** Whose address {@code secret} is; empty for anything that is not a current address. */
    public Optional<String> owner(String secret) {
        if (secret == null || !SECRET.matcher(secret).matches()) {
            return Optional.empty();
        }
        return Arrays.stream(ao.find(FeedTokenEntity.class, FeedTokenEntity.TOKEN_HASH + " = ?", digest(secret)))
                .map(FeedTokenEntity::getUserKey).findFirst();
    }

    private static String digest(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
