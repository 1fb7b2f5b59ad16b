package org.onlabel.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.NotSupportedException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ProblemTranslatorTest {

    record Body(String title) {
    }

    @Test
    void apiExceptionsKeepTheirTypeDetailAndErrors() {
        var t = ProblemTranslator.translate(ApiException.validation(java.util.List.of(new FieldError("title", "blank"))));
        assertThat(t.type()).isEqualTo(ProblemType.VALIDATION_FAILED);
        assertThat(t.errors()).containsExactly(new FieldError("title", "blank"));
    }

    @Test
    void anApiExceptionWrappedInAJsonFailureStillWins() {
        var wrapped = new com.fasterxml.jackson.databind.JsonMappingException(null, "wrapped",
                new ApiException(ProblemType.PAYLOAD_TOO_LARGE, "too big"));
        assertThat(ProblemTranslator.translate(wrapped).type()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE);
    }

    @Test
    void unknownJsonFieldNamesTheField() throws Exception {
        try {
            new ObjectMapper().readValue("{\"title\":\"t\",\"colour\":1}", Body.class);
        } catch (UnrecognizedPropertyException e) {
            var t = ProblemTranslator.translate(e);
            assertThat(t.type()).isEqualTo(ProblemType.MALFORMED_REQUEST);
            assertThat(t.errors()).containsExactly(new FieldError("colour", "unknown field"));
            return;
        }
        throw new AssertionError("expected the unknown field to fail");
    }

    @Test
    void persistenceFailuresAreFoundThroughTheirCauses() {
        var unique = new PersistenceException(new org.hibernate.exception.ConstraintViolationException(
                "dup", new SQLException("duplicate key"), "dataset_key_unique"));
        assertThat(ProblemTranslator.translate(unique).type()).isEqualTo(ProblemType.CONFLICT);
        assertThat(ProblemTranslator.translate(new OptimisticLockException()).type())
                .isEqualTo(ProblemType.PRECONDITION_FAILED);
    }

    @Test
    void httpFailuresKeepTheirStatus() {
        assertThat(ProblemTranslator.translate(new NotSupportedException()).type())
                .isEqualTo(ProblemType.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void anythingElseIsAnInternalErrorThatRevealsNothing() {
        var t = ProblemTranslator.translate(new IllegalStateException("SELECT * FROM secret_table"));
        assertThat(t.type()).isEqualTo(ProblemType.INTERNAL_ERROR);
        assertThat(t.detail()).doesNotContain("secret_table").doesNotContain("IllegalState");
    }

    @Test
    void aDatabaseThatIsGoneIsA503AndAnyOtherSqlFailureA500() {
        var refused = new PersistenceException("wrapped", new org.hibernate.exception.JDBCConnectionException("no db",
                new SQLException("Connection to 127.0.0.1:15432 refused", "08001")));
        var recovering = new PersistenceException(new SQLException("the database system is starting up", "57P03"));
        var diskFull = new PersistenceException(new SQLException("could not extend file", "53100"));
        var poolTimeout = new PersistenceException(new SQLException("Sorry, acquisition timeout!"));
        // Agroal's other wording, when no connection could be made within the acquisition timeout
        var poolGaveUp = new PersistenceException(new SQLException("Acquisition timeout while waiting for new connection"));
        var failedRollback = new PersistenceException("insert failed", new SQLException("deadlock detected", "40P01"));
        failedRollback.addSuppressed(new SQLException("An I/O error occurred while sending to the backend", "08006"));
        for (Throwable gone : java.util.List.of(refused, recovering, diskFull, poolTimeout, poolGaveUp)) {
            var t = ProblemTranslator.translate(gone);
            assertThat(t.type()).as(gone.getCause().getMessage()).isEqualTo(ProblemType.SERVICE_UNAVAILABLE);
            assertThat(t.detail()).doesNotContain("127.0.0.1").doesNotContain("SQL");
        }
        assertThat(org.onlabel.common.db.DatabaseUnavailable.isCause(failedRollback))
                .as("a connection lost while rolling back, attached as suppressed").isTrue();
        var syntax = new PersistenceException(new SQLException("syntax error at or near", "42601"));
        assertThat(ProblemTranslator.translate(syntax).type()).isEqualTo(ProblemType.INTERNAL_ERROR);
    }

    @Test
    void aCommitTheDatabaseDidNotConfirmIsA503() {
        var bare = new io.quarkus.arc.ArcUndeclaredThrowableException(
                new jakarta.transaction.RollbackException("ARJUNA016053: Could not commit transaction."));
        var mixed = new RuntimeException(new jakarta.transaction.HeuristicMixedException());
        for (Throwable unconfirmed : java.util.List.of(bare, mixed)) {
            var t = ProblemTranslator.translate(unconfirmed);
            assertThat(t.type()).isEqualTo(ProblemType.SERVICE_UNAVAILABLE);
            assertThat(t.detail()).doesNotContain("ARJUNA").contains("retry");
        }
        // a commit refused because of a constraint stays a conflict, whatever wraps it
        var refused = new jakarta.transaction.RollbackException("commit failed");
        refused.initCause(new org.hibernate.exception.ConstraintViolationException("dup",
                new SQLException("duplicate key", "23505"), "dataset_key_unique"));
        assertThat(ProblemTranslator.translate(refused).type()).isEqualTo(ProblemType.CONFLICT);
    }
}
