package org.zhurnal.diary.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.zhurnal.diary.spi.NotificationChannel;

/** The installed notification channels (the built-in e-mail one and any plug-in), by id; they come and go at run time. */
@Component(service = Channels.class)
public class Channels {
    private final Map<String, NotificationChannel> byId = new ConcurrentSkipListMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void add(NotificationChannel c) {
        byId.put(c.id(), c);
    }

    void remove(NotificationChannel c) {
        byId.remove(c.id(), c);
    }

    /** @return the installed channels, by id */
    public List<NotificationChannel> all() {
        return List.copyOf(byId.values());
    }

    public Optional<NotificationChannel> get(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }
}
