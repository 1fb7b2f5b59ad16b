package org.onlabel.common.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.onlabel.common.config.OnLabelConfig;

@ApplicationScoped
public class AccessPolicyProducer {
    @Produces
    @ApplicationScoped
    AccessPolicy accessPolicy(OnLabelConfig config) {
        return new AccessPolicy(config.security().anonymousRead());
    }
}
