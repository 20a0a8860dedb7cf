package org.entente.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.entente.relation.events.ActivityKind;
import org.entente.relation.events.AgreementKind;
import org.entente.relation.events.AgreementSigned;
import org.entente.relation.events.ContextNoted;
import org.entente.relation.events.ExerciseJoined;
import org.entente.relation.events.HeadquartersOfficeAuthorized;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.events.MediterraneanDialogueEstablished;
import org.entente.relation.events.MediterraneanDialogueJoined;
import org.entente.relation.events.NatoMembershipAttested;
import org.entente.relation.events.Source;
import org.entente.relation.events.VetoCast;
import org.entente.relation.events.VetoLifted;
import org.entente.relation.events.VetoScope;
import org.entente.time.Precision;
import org.entente.time.ValidDate;

/**
 * Long, valid, made-up histories for benchmarks and load: a partnership, then exercises, vetoes and their
 * liftings, agreements and context, each a day or a few apart, some dated only to the month. The same seed
 * always gives the same history. Every fact says it is synthetic; none is a historical claim.
 */
public final class SyntheticHistory {

    private static final List<Source> SOURCE = List.of(new Source(null, "urn:entente:synthetic", "synthetic history", "generated"));

    private SyntheticHistory() {
    }

    /** {@code count} facts (at least 4) of the relation {@code relationId}, valid under the rules, in valid order. */
    public static List<HistoricalFact> generate(String relationId, int count, long seed) {
        Random random = new Random(seed);
        List<HistoricalFact> facts = new ArrayList<>(count);
        LocalDate day = LocalDate.of(1900, 1, 1);
        facts.add(new MediterraneanDialogueEstablished(relationId, "s-established", new ValidDate(day, Precision.YEAR), SOURCE));
        facts.add(new MediterraneanDialogueJoined(relationId, "s-joined", new ValidDate(LocalDate.of(1901, 1, 1), Precision.YEAR), SOURCE));
        facts.add(new NatoMembershipAttested(relationId, "s-member", new ValidDate(LocalDate.of(1901, 1, 1), Precision.YEAR), SOURCE, "Turkey"));
        facts.add(new HeadquartersOfficeAuthorized(relationId, "s-office", ValidDate.day(LocalDate.of(1902, 1, 1)), SOURCE));
        day = LocalDate.of(1903, 1, 1);
        String vetoInForce = null;
        while (facts.size() < count) {
            day = day.plusDays(1 + random.nextInt(3));
            String id = "s-" + facts.size();
            ValidDate date = ValidDate.day(day);
            if (random.nextInt(8) == 0) {
                // dated to the next whole month, so it still sorts after everything before it
                date = new ValidDate(day.plusMonths(1).withDayOfMonth(1), Precision.MONTH);
                day = date.end();
            }
            int pick = random.nextInt(10);
            if (vetoInForce != null) {
                if (pick < 3) {
                    facts.add(new VetoLifted(relationId, id, date, SOURCE, vetoInForce));
                    vetoInForce = null;
                } else {
                    facts.add(new ContextNoted(relationId, id, date, SOURCE, "synthetic context"));
                }
            } else if (pick < 2) {
                facts.add(new VetoCast(relationId, id, date, SOURCE, "Turkey", VetoScope.EXERCISES));
                vetoInForce = id;
            } else if (pick < 7) {
                facts.add(new ExerciseJoined(relationId, id, date, SOURCE, "synthetic exercise", ActivityKind.EXERCISE));
            } else if (pick < 9) {
                facts.add(new AgreementSigned(relationId, id, date, SOURCE,
                        random.nextBoolean() ? AgreementKind.COOPERATION : AgreementKind.SECURITY_INFORMATION_EXCHANGE));
            } else {
                facts.add(new ContextNoted(relationId, id, date, SOURCE, "synthetic context"));
            }
        }
        return facts;
    }
}
