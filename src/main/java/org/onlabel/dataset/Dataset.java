package org.onlabel.dataset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A dataset row. Only the service and repository see it; the API speaks in request and response records. */
@Entity
@Table(name = "dataset")
public class Dataset {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, updatable = false)
    public String key;

    @Column(nullable = false)
    public String title;
    public String description;
    public String version;
    public String publisher;
    public String doi;
    public String homepage;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> modalities = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> anatomy = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> formats = new ArrayList<>();

    public Integer subjects;

    @JdbcTypeCode(SqlTypes.JSON)
    public Cohort cohort;
    @JdbcTypeCode(SqlTypes.JSON)
    public Representation representation;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> deidentification = new ArrayList<>();

    public String license;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "data_use")
    public List<DataUseCondition> dataUse = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "intended_uses")
    public List<IntendedUse> intendedUses = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Contraindication> contraindications = new ArrayList<>();

    public String status;
    public String organization;
    public String visibility;

    @Column(name = "created_by", updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "superseded_by")
    public String supersededBy;

    /** Set when an admin removed the dataset (a tombstone: content cleared, key kept). */
    @Column(name = "removed_at")
    public Instant removedAt;

    @Column(name = "removed_by")
    public String removedBy;

    /** False for a stub: a dataset seen only by name, which nobody has registered. */
    public boolean registered = true;

    @Column(name = "lineage_namespace")
    public String lineageNamespace;

    @Column(name = "lineage_name")
    public String lineageName;

    @JdbcTypeCode(SqlTypes.JSON)
    public java.util.Map<String, Object> extras;

    @Version
    public long revision;
}
