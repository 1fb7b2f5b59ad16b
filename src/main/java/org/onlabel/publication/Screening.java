package org.onlabel.publication;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stored screening report: written once (the database refuses changes), read as stored. */
@Entity
@Immutable
@Table(name = "screening")
public class Screening {
    @Id
    public String id;

    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "created_orgs", nullable = false)
    public List<String> createdOrganizations = new ArrayList<>();
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "ruleset_version", nullable = false)
    public String rulesetVersion;
    @Column(nullable = false)
    public String verdict;
    @Column(name = "share_token_sha256", nullable = false)
    public String shareTokenSha256;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> report;
}
