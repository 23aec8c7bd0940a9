package de.digitalstrategie.cockpit.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.DBParam;
import net.java.ao.Query;

import java.util.UUID;

/**
 * Whether an area of stored data changed since a node last computed something from it, in one
 * short read: every write of the area gives it a new stamp in its own transaction
 * ({@link #touch}), and what a node keeps ({@link StampedCache}) is handed out again only under the
 * stamp it was computed under. Cluster-wide without messages between nodes: the stamp is in the
 * database every node reads. An area's writers all update its one row, so serializable
 * transactions let only one of them through at a time: only for areas written rarely (with
 * {@link SerializableWrites}) or by writers that run one after another anyway.
 */
public class ChangeStamps {
    private final ActiveObjects ao;

    public ChangeStamps(ActiveObjects ao) {
        this.ao = ao;
    }

    /**
     * The area's stamp: every row's, should two first writers have created one each; "" for an
     * area never written, a value no write makes.
     */
    public String current(String area) {
        StringBuilder stamp = new StringBuilder();
        ao.stream(ChangeStampEntity.class, Query.select("ID, " + ChangeStampEntity.STAMP)
                .where(ChangeStampEntity.AREA + " = ?", area).order("ID"), e -> stamp.append(e.getStamp()).append(' '));
        return stamp.toString();
    }

    /**
     * Gives the area a new stamp. Call inside the transaction that changes the area, so that the
     * stamp and the change commit together; the row's lock holds other writers of the area only
     * until then.
     */
    public void touch(String area) {
        String next = UUID.randomUUID().toString();
        ChangeStampEntity[] rows = ao.find(ChangeStampEntity.class, Query.select("ID, " + ChangeStampEntity.STAMP)
                .where(ChangeStampEntity.AREA + " = ?", area));
        if (rows.length == 0) {
            ao.create(ChangeStampEntity.class, new DBParam(ChangeStampEntity.AREA, area),
                    new DBParam(ChangeStampEntity.STAMP, next));
            return;
        }
        for (ChangeStampEntity row : rows) {
            row.setStamp(next);
            row.save();
        }
    }
}
