package org.onlabel.audit;

/** What an audit event is about: a dataset by key, or a license by id. */
public record AuditSubject(String type, String key) {
    public static AuditSubject dataset(String key) {
        return new AuditSubject("dataset", key);
    }

    public static AuditSubject license(String id) {
        return new AuditSubject("license", id);
    }
}
