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
    }

    void removeConfig(PolicyConfig c) {
        configs.remove(c);
    }

    public PolicyConfig.Policy forSchool(String schoolId) {
        String municipality = schoolId == null ? null : municipalityOf.computeIfAbsent(schoolId,
                id -> tenants.school(id).map(School::municipalityId).orElse(""));
        PolicyConfig.Policy any = null;
        for (PolicyConfig c : configs) {
            PolicyConfig.Policy p = c.policy();
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
