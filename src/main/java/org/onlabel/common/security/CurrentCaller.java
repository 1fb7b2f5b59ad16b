package org.onlabel.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The {@link Caller} of the current request, built once from its verified token. */
@RequestScoped
public class CurrentCaller {
    static final String ORGANIZATION_CLAIM = "org";

    private final SecurityIdentity identity;
    private Caller caller;

    public CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller get() {
        if (caller == null) {
            caller = from(identity);
        }
        return caller;
    }

    static Caller from(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            return Caller.anonymousCaller();
        }
        Set<String> organizations = new LinkedHashSet<>();
        String name = identity.getPrincipal().getName();
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            organizations.addAll(strings(jwt.getClaim(ORGANIZATION_CLAIM)));
            String preferred = jwt.getClaim("preferred_username");
            if (preferred != null) {
                name = preferred;
            }
        }
        return new Caller(name, identity.getRoles(), organizations, false);
    }

    /** Group names arrive as a JSON array, a string, or (full paths) "/nyu"; all become plain names. */
    static Set<String> strings(Object claim) {
        Set<String> out = new LinkedHashSet<>();
        if (claim instanceof JsonArray array) {
            array.forEach(v -> out.add(v instanceof JsonString s ? s.getString() : v.toString()));
        } else if (claim instanceof Collection<?> values) {
            values.forEach(v -> out.add(String.valueOf(v)));
        } else if (claim instanceof JsonString s) {
            out.add(s.getString());
        } else if (claim instanceof String s) {
            out.add(s);
        }
        Set<String> names = new LinkedHashSet<>();
        out.forEach(v -> names.add(v.startsWith("/") ? v.substring(v.lastIndexOf('/') + 1) : v));
        names.removeIf(String::isBlank);
        return names;
    }
}
