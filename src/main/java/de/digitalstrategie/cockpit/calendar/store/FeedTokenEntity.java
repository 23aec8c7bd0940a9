package de.digitalstrategie.cockpit.calendar.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

import java.util.Date;

/**
 * A user's personal calendar feed address: only the SHA-256 digest of its secret is kept, so the
 * table read by anyone (a backup, a support dump) opens no feed.
 */
@Preload
@Table("FEED_TOKEN")
public interface FeedTokenEntity extends Entity {
    String USER_KEY = "USER_KEY";
    String TOKEN_HASH = "TOKEN_HASH";

    @NotNull
    @Indexed
    String getUserKey();

    void setUserKey(String userKey);

    /** The secret's SHA-256 digest, 64 lower-case hex digits. */
    @NotNull
    @Indexed
    @StringLength(64)
    String getTokenHash();

    void setTokenHash(String hash);

    @NotNull
    Date getCreated();

    void setCreated(Date created);
}
