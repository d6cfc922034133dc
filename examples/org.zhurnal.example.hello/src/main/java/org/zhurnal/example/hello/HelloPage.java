package org.zhurnal.example.hello;

import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.zhurnal.core.api.ui.UiContribution;

/**
 * A page in the shell's menu. The same component also publishes the page's static files: the HTTP
 * whiteboard serves this bundle's {@code /ui/hello} folder at {@code /ui/hello/*}.
 */
@Component(service = UiContribution.class, property = {"osgi.http.whiteboard.resource.pattern=/ui/hello/*",
        "osgi.http.whiteboard.resource.prefix=/ui/hello"})
public class HelloPage implements UiContribution {

    @Override
    public String id() {
        return "example.hello";
    }

    @Override
    public Map<String, String> titles() {
        return Map.of("ru", "Пример модуля", "en", "Example module");
    }

    @Override
    public String path() {
        return "/ui/hello/index.html";
    }

    @Override
    public Set<org.zhurnal.core.api.security.Role> roles() {
        return Set.of();
    }

    @Override
    public int order() {
        return 900;
    }
}
