package de.digitalstrategie.cockpit.evidence;

import de.digitalstrategie.cockpit.message.Message;

import java.time.LocalDate;

/**
 * One open flag: a rule whose condition holds for a project.
 *
 * @param occurrence what identifies this occurrence of the condition (a change's id, a day): an
 *                   acknowledgement covers one occurrence, a new one is open again
 * @param since      the day the condition started to hold, for the order of the list
 * @param reason     the readable reason naming the facts; its arguments may be days
 *                   ({@code LocalDate}), {@link Cents} and labels, formatted in the viewer's language
 */
public record Flag(Rule rule, String issueKey, String occurrence, LocalDate since, Message reason) {

    /** An amount of money in euro cents, as an argument of a reason: formatted as money, not as a number. */
    public record Cents(long cents) implements java.io.Serializable {
    }
}
