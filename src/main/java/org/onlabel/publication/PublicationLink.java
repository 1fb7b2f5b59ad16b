package org.onlabel.publication;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One typed link between a publication and a dataset (by the dataset's id; keys never change). */
@Entity
@Table(name = "publication_link")
public class PublicationLink {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "publication_id")
    public Publication publication;

    @Column(name = "dataset_id", nullable = false)
    public long datasetId;

    @Column(nullable = false)
    public String relation;
}
