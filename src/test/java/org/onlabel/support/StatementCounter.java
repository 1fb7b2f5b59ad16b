package org.onlabel.support;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements Hibernate prepares, per thread, so that a test can tell how many statements one call of
 * a service made (other threads, such as the verdict workers, do not count). Only on the test class path.
 */
@PersistenceUnitExtension
public class StatementCounter implements StatementInspector {
    private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);

    @Override
    public String inspect(String sql) {
        COUNT.get()[0]++;
        return sql;
    }

    /** How many statements this thread prepares while {@code call} runs. */
    public static int during(Runnable call) {
        int before = COUNT.get()[0];
        call.run();
        return COUNT.get()[0] - before;
    }
}
