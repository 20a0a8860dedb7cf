package org.entente.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidDateTest {

    @Test
    void aYearIsAWindowOfItsDays() {
        ValidDate year = ValidDate.parse("2010");
        assertThat(year.precision()).isEqualTo(Precision.YEAR);
        assertThat(year.start()).isEqualTo(LocalDate.of(2010, 1, 1));
        assertThat(year.end()).isEqualTo(LocalDate.of(2010, 12, 31));
        assertThat(year).hasToString("2010");
    }

    @Test
    void aMonthIsAWindowOfItsDays() {
        ValidDate month = ValidDate.parse("2008-02");
        assertThat(month.precision()).isEqualTo(Precision.MONTH);
        assertThat(month.end()).isEqualTo(LocalDate.of(2008, 2, 29));
        assertThat(month).hasToString("2008-02");
    }

    @Test
    void aDayIsExact() {
        ValidDate day = ValidDate.parse("2002-01-09");
        assertThat(day.exact()).isTrue();
        assertThat(day.start()).isEqualTo(day.end());
        assertThat(day).hasToString("2002-01-09");
    }

    @Test
    void impossibleAndMalformedDatesAreRefusedSayingWhy() {
        assertThatThrownBy(() -> ValidDate.parse("2010-02-30")).isInstanceOf(InvalidDateException.class)
                .hasMessageContaining("'2010-02-30' is not a possible date");
        assertThatThrownBy(() -> ValidDate.parse("2010-13")).hasMessageContaining("'2010-13' is not a possible date");
        assertThatThrownBy(() -> ValidDate.parse("1 May 2010")).hasMessageContaining("YYYY, YYYY-MM or YYYY-MM-DD");
        assertThatThrownBy(() -> ValidDate.parse("")).hasMessageContaining("required");
        for (String malformed : List.of("201", "20100", "2010-1", "2010-01-1", "2010/01", "201a", "2010-01-", "2010-0a-01",
                "2010-01-01T00", "-2010", "\u0662\u0660\u0661\u0660")) {
            assertThatThrownBy(() -> ValidDate.parse(malformed)).as(malformed).isInstanceOf(InvalidDateException.class)
                    .hasMessageContaining("'" + malformed + "' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
        }
    }

    @Test
    void surroundingSpaceIsIgnored() {
        assertThat(ValidDate.parse(" 2010-01 ")).isEqualTo(ValidDate.parse("2010-01"));
        assertThat(ValidDate.parse("0999-12-31").start()).isEqualTo(LocalDate.of(999, 12, 31));
    }

    @Test
    void timelineOrderIsByFirstThenLastPossibleDay() {
        List<ValidDate> dates = new ArrayList<>(List.of(ValidDate.parse("2016-06-15"), ValidDate.parse("2016-06"),
                ValidDate.parse("2016"), ValidDate.parse("2016-01"), ValidDate.parse("2015-12-31")));
        dates.sort(null);
        assertThat(dates).extracting(ValidDate::toString).containsExactly("2015-12-31", "2016-01", "2016", "2016-06", "2016-06-15");
    }

    @Test
    void aDateIsWrittenAsPreciselyAsItIsKnownAndParsesBack() {
        for (int year : new int[] {0, 7, 42, 999, 1000, 1987, 2016, 9999}) {
            for (int month = 1; month <= 12; month++) {
                ValidDate inMonth = new ValidDate(LocalDate.of(year, month, 1), Precision.MONTH);
                assertThat(inMonth.toString()).isEqualTo(String.format("%04d-%02d", year, month));
                assertThat(ValidDate.parse(inMonth.toString())).isEqualTo(inMonth);
            }
            ValidDate inYear = new ValidDate(LocalDate.of(year, 1, 1), Precision.YEAR);
            assertThat(inYear.toString()).isEqualTo(String.format("%04d", year));
            assertThat(ValidDate.parse(inYear.toString())).isEqualTo(inYear);
        }
        assertThat(new ValidDate(LocalDate.of(-5, 1, 1), Precision.YEAR)).hasToString("-005");
    }
}
