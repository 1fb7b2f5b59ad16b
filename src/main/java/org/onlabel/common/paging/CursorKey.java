package org.onlabel.common.paging;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;
import org.onlabel.common.config.OnLabelConfig;

/**
 * Installs the cursor signing key from {@code onlabel.api.cursor-key} at start. Without one, each process signs
 * with a random key of its own: fine for one instance, but then cursors do not survive a restart and are not
 * accepted by other replicas, so a deployment with several replicas sets the same key on all of them (e.g. from
 * one Kubernetes Secret as {@code ONLABEL_API_CURSOR_KEY}).
 */
@Startup
@Singleton
public class CursorKey {
    private static final Logger LOG = Logger.getLogger(CursorKey.class);

    CursorKey(OnLabelConfig config) {
        config.api().cursorKey().ifPresentOrElse(
                secret -> Cursor.useKey(secret.getBytes(StandardCharsets.UTF_8)),
                () -> LOG.info("onlabel.api.cursor-key is not set: list cursors are signed with a key of this process "
                        + "only (set the same key on every replica)"));
    }
}
