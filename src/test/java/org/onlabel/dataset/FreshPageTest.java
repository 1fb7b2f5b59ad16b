package org.onlabel.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FreshPageTest {
    private static DatasetRepository.Listed row(long id, String verdict, boolean stale) {
        return new DatasetRepository.Listed(new StoredDataset(id, 0, null, null, null), verdict, stale);
    }

    /** A catalog of rows 1..n whose stale ones become fresh once refreshed; the page is the first `size` rows. */
    private static final class Catalog {
        final Set<Long> stale = new HashSet<>();
        final List<List<Long>> refreshed = new ArrayList<>();
        final int size;
        final int n;

        Catalog(int n, int size, long... staleIds) {
            this.n = n;
            this.size = size;
            for (long id : staleIds) {
                stale.add(id);
            }
        }

        List<DatasetRepository.Listed> page() {
            List<DatasetRepository.Listed> rows = new ArrayList<>();
            for (long id = 1; id <= n && rows.size() < size; id++) {
                rows.add(row(id, stale.contains(id) ? null : "CAUTION", stale.contains(id)));
            }
            return rows;
        }

        void refresh(List<Long> ids) {
            refreshed.add(List.copyOf(ids));
            ids.forEach(stale::remove);
        }
    }

    @Test
    void staleCandidatesAreRecomputedThenThePageIsAskedAgain() {
        Catalog c = new Catalog(10, 5, 2, 4);
        List<DatasetRepository.Listed> page = FreshPage.of(c::page, c::refresh, System::nanoTime, Duration.ofSeconds(5));
        assertThat(page).extracting(DatasetRepository.Listed::id).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(page).allSatisfy(r -> assertThat(r.stale()).isFalse());
        assertThat(c.refreshed).containsExactly(List.of(2L, 4L));
    }

    @Test
    void pastTheTimeBudgetTheRowsStillStaleAreLeftOutNeverShownStale() {
        Catalog c = new Catalog(10, 5, 2, 4);
        AtomicLong now = new AtomicLong();
        // every refresh takes 3 s of the 5 s budget, and the rows it refreshed are stale again (a storm of writes)
        List<DatasetRepository.Listed> page = FreshPage.of(c::page, ids -> {
            c.refreshed.add(List.copyOf(ids));
            now.addAndGet(Duration.ofSeconds(3).toNanos());
        }, now::get, Duration.ofSeconds(5));
        assertThat(c.refreshed).hasSize(2);
        assertThat(page).extracting(DatasetRepository.Listed::id).containsExactly(1L, 3L, 5L);
    }

    @Test
    void roundsAreBoundedEvenWhenTimeStandsStill() {
        Catalog c = new Catalog(10, 5, 3);
        List<DatasetRepository.Listed> page = FreshPage.of(c::page, ids -> c.refreshed.add(List.copyOf(ids)),
                () -> 0L, Duration.ofSeconds(5));
        assertThat(c.refreshed).hasSize(FreshPage.MAX_ROUNDS);
        assertThat(page).extracting(DatasetRepository.Listed::id).containsExactly(1L, 2L, 4L, 5L);
    }
}
