package org.onlabel.publication;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ScreeningRepository implements PanacheRepositoryBase<Screening, String> {
}
