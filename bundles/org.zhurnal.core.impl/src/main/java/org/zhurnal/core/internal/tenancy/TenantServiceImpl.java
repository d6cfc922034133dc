package org.zhurnal.core.internal.tenancy;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.audit.AuditLog;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.core.api.security.ScopeResolver;
import org.zhurnal.core.api.security.ScopeType;
import org.zhurnal.core.api.tenancy.Municipality;
import org.zhurnal.core.api.tenancy.School;
import org.zhurnal.core.api.tenancy.TenantService;
import org.zhurnal.core.internal.entity.AuditChainEntity;
import org.zhurnal.core.internal.entity.MunicipalityEntity;
import org.zhurnal.core.internal.entity.SchoolEntity;
import org.zhurnal.core.internal.audit.AuditHasher;
import org.zhurnal.core.internal.persistence.CoreSchema;

/** Municipalities and schools; also tells the authorization which municipality a school is in. */
@Component(service = {TenantService.class, ScopeResolver.class})
public class TenantServiceImpl implements TenantService, ScopeResolver {
    private final JpaTemplate jpa;
    private final ZhurnalClock clock;
    private final AuditLog audit;

    @Activate
    public TenantServiceImpl(@Reference(target = "(osgi.unit.name=zhurnal-core)") JpaTemplate jpa,
            @Reference ZhurnalClock clock, @Reference AuditLog audit, @Reference CoreSchema schema) {
        this.jpa = jpa;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public Municipality createMunicipality(String name) {
        String n = required("name", name, 300);
        return jpa.txExpr(TransactionType.Required, em -> {
            MunicipalityEntity m = new MunicipalityEntity();
            m.setId(UUID.randomUUID().toString());
            m.setName(n);
            m.setCreatedAt(clock.now().toEpochMilli());
            em.persist(m);
            audit.record(null, "municipality", m.getId(), "create", null, m.toDTO());
            return m.toDTO();
        });
    }

    @Override
    public School createSchool(String municipalityId, String shortName, String fullName, String timeZone) {
        String mid = required("municipalityId", municipalityId, 36);
        String sn = required("shortName", shortName, 200);
        String fn = fullName == null || fullName.isBlank() ? sn : required("fullName", fullName, 500);
        String tz = timeZone == null || timeZone.isBlank() ? clock.zone().getId() : timeZone.trim();
        try {
            ZoneId.of(tz);
        } catch (DateTimeException e) {
            throw ProblemException.invalid("timeZone", "Unknown time zone '" + tz + "'; use an IANA id such as Europe/Moscow");
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            if (em.find(MunicipalityEntity.class, mid) == null) {
                throw ProblemException.invalid("municipalityId", "No municipality with id " + mid);
            }
            SchoolEntity s = new SchoolEntity();
            s.setId(UUID.randomUUID().toString());
            s.setMunicipalityId(mid);
            s.setShortName(sn);
            s.setFullName(fn);
            s.setTimeZone(tz);
            s.setCreatedAt(clock.now().toEpochMilli());
            em.persist(s);
            // Every school has its own audit chain; its head exists from the start.
            AuditChainEntity head = new AuditChainEntity();
            head.setChainId(s.getId());
            head.setLastSeq(0);
            head.setLastHash(AuditHasher.GENESIS);
            em.persist(head);
            em.flush();
            audit.record(s.getId(), "school", s.getId(), "create", null, s.toDTO());
            return s.toDTO();
        });
    }

    @Override
    public List<Municipality> municipalities() {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "select m from MunicipalityEntity m order by m.name", MunicipalityEntity.class)
                .getResultList().stream().map(MunicipalityEntity::toDTO).toList());
    }

    @Override
    public List<School> schools(String municipalityId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            var q = municipalityId == null
                    ? em.createQuery("select s from SchoolEntity s order by s.shortName", SchoolEntity.class)
                    : em.createQuery("select s from SchoolEntity s where s.municipalityId = :m order by s.shortName",
                            SchoolEntity.class).setParameter("m", municipalityId);
            return q.getResultList().stream().map(SchoolEntity::toDTO).toList();
        });
    }

    @Override
    public Optional<School> school(String schoolId) {
        if (schoolId == null) {
            return Optional.empty();
        }
        School known = schoolsById.get(schoolId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<School> found = jpa.txExpr(TransactionType.Supports,
                em -> Optional.ofNullable(em.find(SchoolEntity.class, schoolId)).map(SchoolEntity::toDTO));
        found.ifPresent(this::remember);
        return found;
    }

    /**
     * Schools read by id (every request asks for its school's time zone and municipality). A school does not change
     * once created — there is no update — so a found school is kept; one not found is asked for again, as another
     * node may create it.
     */
    private final Map<String, School> schoolsById = new ConcurrentHashMap<>();
    static final int MAX_SCHOOLS_KEPT = 10_000;

    private void remember(School s) {
        if (schoolsById.size() >= MAX_SCHOOLS_KEPT) {
            schoolsById.clear();
        }
        schoolsById.put(s.id(), s);
    }

    @Override
    public Optional<Municipality> municipality(String municipalityId) {
        if (municipalityId == null) {
            return Optional.empty();
        }
        return jpa.txExpr(TransactionType.Supports,
                em -> Optional.ofNullable(em.find(MunicipalityEntity.class, municipalityId)).map(MunicipalityEntity::toDTO));
    }

    @Override
    public Set<ScopeRef> parents(ScopeRef target) {
        if (target.type() == ScopeType.SCHOOL) {
            return school(target.id()).map(s -> Set.of(ScopeRef.municipality(s.municipalityId()))).orElse(Set.of());
        }
        if (target.type() == ScopeType.MUNICIPALITY) {
            return Set.of(ScopeRef.SYSTEM);
        }
        return Set.of();
    }

    static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(field, field + " is required");
        }
        String v = value.strip();
        if (v.length() > max) {
            throw ProblemException.invalid(field, field + " is longer than " + max + " characters");
        }
        return v;
    }
}
