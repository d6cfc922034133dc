package org.zhurnal.gradebook.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.zhurnal.core.api.tenancy.School;
import org.zhurnal.core.api.tenancy.TenantService;

/** The policy in force for a school: its municipality's, else the one for *, else the built-in default. Thread-safe. */
@Component(service = Policies.class)
public class Policies {
    private final List<PolicyConfig> configs = new CopyOnWriteArrayList<>();
    /** A school's municipality never changes, so it is read once per school (not a cache of changeable data). */
    private final java.util.Map<String, String> municipalityOf = new java.util.concurrent.ConcurrentHashMap<>();
    private final TenantService tenants;

    @Activate
    public Policies(@Reference TenantService tenants) {
        this.tenants = tenants;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addConfig(PolicyConfig c) {
        configs.add(c);
        warnIfIneffective(c);
    }

    /**
     * A policy that cannot take effect is said in the log: one for a municipality id that does not exist (its name given
     * instead of the id, say), or a second one for a municipality that has one (the first one found is used).
     */
    private void warnIfIneffective(PolicyConfig c) {
        PolicyConfig.Policy p = c.policy();
        if (p == null) {
            return;
        }
        try {
            if (!"*".equals(p.municipality()) && tenants.municipalities().stream().noneMatch(m -> m.id().equals(p.municipality()))) {
                LOG.warn("Grading policy for municipality «{}»: no municipality has this id (give its id, as GET /api/v1/municipalities "
                        + "lists them, not its name); the policy for * applies to its schools", p.municipality());
            }
        } catch (RuntimeException e) {
            // the tenants are not readable yet (the database starting): nothing to say
        }
        long same = configs.stream().map(PolicyConfig::policy).filter(x -> x != null && x.municipality().equals(p.municipality())).count();
        if (same > 1) {
            LOG.warn("{} grading policies for municipality «{}»: only one of them applies; remove the others", same, p.municipality());
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Policies.class);

    void removeConfig(PolicyConfig c) {
        configs.remove(c);
    }

    public PolicyConfig.Policy forSchool(String schoolId) {
        String municipality = schoolId == null ? null : municipalityOf.computeIfAbsent(schoolId,
                id -> tenants.school(id).map(School::municipalityId).orElse(""));
        PolicyConfig.Policy any = null;
        for (PolicyConfig c : configs) {
            PolicyConfig.Policy p = c.policy();
            if (p == null) {
                continue; // a configuration never valid (logged): not in force
            }
            if (p.municipality().equals(municipality)) {
                return p;
            }
            if (p.municipality().equals("*")) {
                any = p;
            }
        }
        return any != null ? any : PolicyConfig.DEFAULT;
    }
}
