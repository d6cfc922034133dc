package org.zhurnal.roster.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.zhurnal.core.api.persistence.InLists;
import org.zhurnal.roster.api.Contact;
import org.zhurnal.roster.api.ContactSource;
import org.zhurnal.roster.api.Person;
import org.zhurnal.roster.api.PersonKind;
import org.zhurnal.roster.internal.entity.ContactEntity;
import org.zhurnal.roster.internal.entity.PersonEntity;

/** Entity ↔ DTO conversion and bulk loading helpers. */
public final class Mapping {
    private Mapping() {}

    static LocalDate date(String iso) {
        return iso == null || iso.isEmpty() ? null : LocalDate.parse(iso);
    }

    static String iso(LocalDate d) {
        return d == null ? null : d.toString();
    }

    static Person person(PersonEntity e, List<ContactEntity> contacts) {
        List<Contact> cs = new ArrayList<>();
        if (contacts != null) {
            for (ContactEntity c : contacts) {
                cs.add(new Contact(c.getKind(), c.getValue(), ContactSource.valueOf(c.getSource())));
            }
        }
        return personWith(e, cs);
    }

    static Person personWith(PersonEntity e, List<Contact> cs) {
        return new Person(e.getId(), e.getSchoolId(), PersonKind.valueOf(e.getKind()), e.getExternalId(), e.getLastName(),
                e.getFirstName(), e.getMiddleName(), date(e.getBirthDate()), e.getSex(), date(e.getAdmissionDate()),
                date(e.getLeavingDate()), e.getLeavingReason(), e.getPositions(), e.getSubjects(), e.isNoElectronicAccess(), cs);
    }

    /** @return contacts of the persons, grouped by person id, in chunks of 500 ids */
    static Map<String, List<ContactEntity>> contacts(EntityManager em, Collection<String> personIds) {
        Map<String, List<ContactEntity>> map = new HashMap<>();
        List<String> ids = List.copyOf(personIds);
        for (int i = 0; i < ids.size(); i += 500) {
            em.createQuery("select c from ContactEntity c where c.personId in :ids order by c.kind, c.value", ContactEntity.class)
                    .setParameter("ids", InLists.padded(ids.subList(i, Math.min(ids.size(), i + 500)))).getResultList()
                    .forEach(c -> map.computeIfAbsent(c.getPersonId(), k -> new ArrayList<>()).add(c));
        }
        return map;
    }

    static List<Person> persons(EntityManager em, List<PersonEntity> entities) {
        if (entities.isEmpty()) {
            return List.of();
        }
        Map<String, List<Contact>> cs = contactLists(em, entities.stream().map(PersonEntity::getId).toList());
        return entities.stream().map(e -> personWith(e, cs.getOrDefault(e.getId(), List.of()))).toList();
    }

    /**
     * The columns of a person for {@link #personRows}: a JPQL select of them (with the alias {@code p}) reads people
     * as plain rows, without managed entities — the class card and the lists read dozens to hundreds at a time.
     */
    static final String PERSON_COLUMNS = "p.id, p.schoolId, p.kind, p.externalId, p.lastName, p.firstName, p.middleName, "
            + "p.birthDate, p.sex, p.admissionDate, p.leavingDate, p.leavingReason, p.positions, p.subjects, p.noElectronicAccess";
    /** How many of a row's values {@link #PERSON_COLUMNS} are: the values a query selects after them come from this index on. */
    static final int PERSON_COLUMN_COUNT = PERSON_COLUMNS.split(",").length;

    /** @return the people of rows selected as {@link #PERSON_COLUMNS}, in the rows' order, each with their contacts */
    static List<Person> personRows(EntityManager em, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<Contact>> cs = contactLists(em, rows.stream().map(r -> (String) r[0]).toList());
        List<Person> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new Person((String) r[0], (String) r[1], PersonKind.valueOf((String) r[2]), (String) r[3], (String) r[4],
                    (String) r[5], (String) r[6], date((String) r[7]), (String) r[8], date((String) r[9]), date((String) r[10]),
                    (String) r[11], (String) r[12], (String) r[13], Boolean.TRUE.equals(r[14]) || (r[14] instanceof Number n && n.intValue() != 0),
                    cs.getOrDefault((String) r[0], List.of())));
        }
        return out;
    }

    /** @return the contacts of the persons by person id (kind, then value), read as rows in chunks of 500 ids */
    static Map<String, List<Contact>> contactLists(EntityManager em, Collection<String> personIds) {
        Map<String, List<Contact>> map = new HashMap<>();
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(personIds));
        for (int i = 0; i < ids.size(); i += 500) {
            for (Object[] c : em.createQuery("select c.personId, c.kind, c.value, c.source from ContactEntity c where c.personId in :ids "
                    + "order by c.kind, c.value", Object[].class)
                            .setParameter("ids", InLists.padded(ids.subList(i, Math.min(ids.size(), i + 500))))
                    .getResultList()) {
                map.computeIfAbsent((String) c[0], k -> new ArrayList<>())
                        .add(new Contact((String) c[1], (String) c[2], ContactSource.valueOf((String) c[3])));
            }
        }
        return map;
    }

    /** Audit view of a person (the DTO without nothing hidden: the audit log is itself access-controlled). */
    public static Map<String, Object> audit(PersonEntity e, List<ContactEntity> contacts) {
        Map<String, Object> m = new java.util.TreeMap<>();
        m.put("kind", e.getKind());
        m.put("externalId", e.getExternalId());
        m.put("name", e.getLastName() + " " + e.getFirstName() + (e.getMiddleName() == null ? "" : " " + e.getMiddleName()));
        m.put("birthDate", e.getBirthDate());
        m.put("sex", e.getSex());
        m.put("admissionDate", e.getAdmissionDate());
        m.put("leavingDate", e.getLeavingDate());
        m.put("positions", e.getPositions());
        m.put("subjects", e.getSubjects());
        m.put("noElectronicAccess", e.isNoElectronicAccess());
        if (contacts != null) {
            m.put("contacts", contacts.stream().map(c -> c.getKind() + ":" + c.getValue() + ":" + c.getSource()).sorted().toList());
        }
        return m;
    }
}
