package org.zhurnal.archive.internal.ui;

import org.osgi.service.component.annotations.Component;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.ui.UiContribution;
import org.zhurnal.core.api.ui.UiPage;

/**
 * The school's signed archive: its documents by year (download, verify), closing a year into the archive and the export.
 * Also serves the archive's static UI files at {@code /ui/archive/}.
 */
@Component(service = UiContribution.class, property = {"osgi.http.whiteboard.resource.pattern=/ui/archive/*",
        "osgi.http.whiteboard.resource.prefix=/ui/archive"})
public class ArchivePage extends UiPage {
    public ArchivePage() {
        super("archive.documents", "Архив", "Archive", "/ui/archive/archive.html", 440, Role.SYSTEM_ADMIN, Role.MUNICIPAL_ADMIN,
                Role.SCHOOL_COORDINATOR, Role.DEPUTY_DIRECTOR);
    }
}
