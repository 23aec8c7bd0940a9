package de.digitalstrategie.cockpit.evidence.macro;

import de.digitalstrategie.cockpit.evidence.Flag;
import de.digitalstrategie.cockpit.evidence.store.EvidenceFlags;
import de.digitalstrategie.cockpit.message.Labelled;
import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.render.Formats;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.Texts;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;

/** A flag as the viewer reads it: its reason with days, money and labels written in the viewer's language. */
public final class FlagRows {
    private FlagRows() {
    }

    /**
     * What a row shows (every value escaped).
     *
     * @param acknowledgedHtml who acknowledged it, when, and their comment; "" while open
     */
    public record Row(String idHtml, String keyHtml, String titleHtml, String ruleHtml, String reasonHtml,
                      String sinceHtml, String stateHtml, String acknowledgedHtml, boolean acknowledged,
                      String ruleValueHtml, String occurrenceHtml) {
    }

    public static String reason(Flag flag, Texts t, Formats f) {
        return t.plain(new Message(flag.reason().key(), flag.reason().args().stream().map(a -> inLanguage(a, t, f))
                .toList()));
    }

    private static Serializable inLanguage(Serializable arg, Texts t, Formats f) {
        if (arg instanceof LocalDate day) {
            return f.date(day);
        }
        if (arg instanceof Flag.Cents money) {
            return f.money(money.cents());
        }
        if (arg instanceof Labelled label) {
            return t.plain(label);
        }
        if (arg instanceof Message m) {
            return t.plain(m);
        }
        return arg;
    }

    /** @param withComment whether the viewer may read the staff unit's comment (the staff unit itself) */
    public static Row row(EvidenceFlags.Shown shown, Texts t, Formats f, ZoneId zone, boolean withComment) {
        Flag flag = shown.flag();
        String acknowledged = "";
        if (shown.acknowledged()) {
            LocalDate on = LocalDate.ofInstant(shown.acknowledgement().at(), zone);
            acknowledged = withComment
                    ? t.plain("cockpit.evidence.acknowledged.by", f.date(on), shown.acknowledgement().actor(),
                    shown.acknowledgement().comment())
                    : t.plain("cockpit.evidence.acknowledged.on", f.date(on));
        }
        String id = "flag-" + flag.rule().code() + "-" + flag.issueKey() + "-"
                + Integer.toHexString(flag.occurrence().hashCode());
        return new Row(Html.text(id), Html.text(flag.issueKey()),
                Html.text(shown.project() == null ? "" : shown.project().title()), t.html(flag.rule()),
                Html.text(reason(flag, t, f)), Html.text(f.date(flag.since())),
                Html.text(t.plain(shown.acknowledged() ? "cockpit.evidence.state.acknowledged"
                        : "cockpit.evidence.state.open")), Html.text(acknowledged), shown.acknowledged(),
                Html.text(flag.rule().name()), Html.text(flag.occurrence()));
    }
}
