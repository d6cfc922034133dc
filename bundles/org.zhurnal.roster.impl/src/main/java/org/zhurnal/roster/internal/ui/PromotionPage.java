package org.zhurnal.roster.internal.ui;

import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.ui.UiContribution;

/**
 * The «Year promotion» page (перевод учащихся): the plan of moving the school's classes to the next year, with each
 * student's decision (promote, repeat the year with its reason, leave, or for a ninth-grader complete basic education)
 * and the academic debts the gradebook reports; then the promotion itself. Its files are served by {@link RosterPages}.
 */
@Component(service = UiContribution.class)
public class PromotionPage implements UiContribution {

    @Override
    public String id() {
        return "roster.promotion";
    }

    @Override
    public Map<String, String> titles() {
        return Map.of("ru", "Перевод в следующий класс", "en", "Year promotion");
    }

    @Override
    public String path() {
        return "/ui/roster/promotion.html";
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.SYSTEM_ADMIN, Role.MUNICIPAL_ADMIN, Role.SCHOOL_COORDINATOR, Role.DEPUTY_DIRECTOR);
    }

    @Override
    public int order() {
        return 220;
    }
}
