package org.zhurnal.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.zhurnal.core.api.demo.DemoLoader;

@Command(scope = "zhurnal", name = "demo-load", description = "Loads (or completes) the demo school; idempotent")
@Service
public class DemoLoadCommand implements Action {
    @Reference
    DemoLoader loader;

    @Override
    public Object execute() throws Exception {
        var creds = ShellCalls.asOperator("demo-load", loader::load);
        System.out.println("Demo school loaded. Logins (also in data/demo-credentials.txt):");
        creds.forEach(c -> System.out.println("  " + c.replace('\t', ' ')));
        return null;
    }
}
