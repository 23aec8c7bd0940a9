package de.digitalstrategie.cockpit.portfolio;

/** Sums over a set of projects: how many, what they cost and bring in, how many need attention. */
public record Totals(int projects, long budgetCents, long fundingCents, int atRisk, int overdue) {
    public static final Totals NONE = new Totals(0, 0, 0, 0, 0);

    public Totals plus(long budget, long funding, boolean risky, boolean late) {
        return new Totals(projects + 1, Math.addExact(budgetCents, budget), Math.addExact(fundingCents, funding),
                atRisk + (risky ? 1 : 0), overdue + (late ? 1 : 0));
    }
}
