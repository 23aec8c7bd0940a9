package de.digitalstrategie.cockpit.oparl;

import net.java.ao.Entity;
import net.java.ao.schema.Index;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.Indexes;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

import java.util.Date;

/**
 * One OParl object as the interface has published it: what it showed, since when, and whether it
 * was withdrawn. Rows are never removed: a withdrawn main object stays as a tombstone, and the
 * row's id (the order of first publication) is the order of every list, which therefore never
 * changes while a client pages through it. The publisher numbers each list densely in that order
 * ({@link #getListPosition}, {@link #getScopePosition}), so a page is a range of positions and a
 * list's length its last position: a request reads the rows it shows and one more, however long
 * the list.
 */
@Table("OPARL_OBJECT")
@Indexes({@Index(name = "type_modified", methodNames = {"getObjectType", "getModified"}),
        @Index(name = "type_pos", methodNames = {"getObjectType", "getListPosition"}),
        @Index(name = "scope_pos", methodNames = {"getObjectType", "getScope", "getScopePosition"})})
public interface PublishedObjectEntity extends Entity {
    String OPARL_ID = "OPARL_ID";
    String OBJECT_TYPE = "OBJECT_TYPE";
    String SCOPE = "SCOPE";
    String CREATED = "CREATED";
    String MODIFIED = "MODIFIED";
    String DELETED = "DELETED";
    String HASH = "HASH";
    String LIST_POSITION = "LIST_POSITION";
    String SCOPE_POSITION = "SCOPE_POSITION";
    String JSON_DE = "JSON_DE";
    String JSON_EN = "JSON_EN";

    /** The object's path under the interface's root, e.g. {@code meeting/12}. */
    @NotNull
    @Indexed
    String getOparlId();

    void setOparlId(String id);

    /** OParl's type name, e.g. {@code Meeting}. */
    @NotNull
    @Indexed
    String getObjectType();

    void setObjectType(String type);

    /** The organisation a meeting belongs to (its list under the organisation); empty otherwise. */
    String getScope();

    void setScope(String scope);

    @NotNull
    Date getCreated();

    void setCreated(Date created);

    @NotNull
    Date getModified();

    void setModified(Date modified);

    boolean isDeleted();

    void setDeleted(boolean deleted);

    /**
     * Where the object stands in its type's list, from 1, without gaps; 0 for an agenda item,
     * membership or place that left it (they come back at their old place). Reads 0 (null in the
     * table) before the first run of a publisher that numbers lists.
     */
    int getListPosition();

    void setListPosition(int position);

    /** Where the object stands in its type's list within its scope (an organisation's meetings); 0 without scope. */
    int getScopePosition();

    void setScopePosition(int position);

    /** A digest of everything the object showed, in every language; empty for a tombstone. */
    String getHash();

    void setHash(String hash);

    /** The object as published, in German, its own times included; null for a tombstone. */
    @StringLength(StringLength.UNLIMITED)
    String getJsonDe();

    void setJsonDe(String json);

    @StringLength(StringLength.UNLIMITED)
    String getJsonEn();

    void setJsonEn(String json);
}
