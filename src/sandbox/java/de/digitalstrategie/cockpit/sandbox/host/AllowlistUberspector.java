package de.digitalstrategie.cockpit.sandbox.host;

import org.apache.velocity.runtime.RuntimeServices;
import org.apache.velocity.runtime.log.Log;
import org.apache.velocity.util.RuntimeServicesAware;
import org.apache.velocity.util.introspection.Info;
import org.apache.velocity.util.introspection.Introspector;
import org.apache.velocity.util.introspection.UberspectImpl;
import org.apache.velocity.util.introspection.VelPropertyGet;
import org.apache.velocity.util.introspection.VelPropertySet;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Velocity 1.7's uberspector with Confluence 9's method allowlist in front of it.
 *
 * <p>Confluence 9 installs {@code ConfluenceAllowlistUberspector}, whose introspector
 * ({@code ConfluenceAllowlistIntrospector extends PluginAwareSecureIntrospector extends
 * org.apache.velocity.util.introspection.SecureIntrospectorImpl}, Confluence 9.1 javadoc, "since 9.0.0")
 * decides in the introspector's {@code getMethod(Class, String, Object[])}. Velocity 1.x resolves
 * every method call and every property getter through that one method, so the check here sits in the
 * same place and covers both. Where Velocity reaches a method without the introspector (a Map's
 * {@code get}/{@code put} for {@code $map.key}), what the host does is not documented, so it is refused.
 * Iteration ({@code #foreach}) is not a method call in the template; Atlassian's fork checks only the
 * class there ({@code SecureUberspector.getIterator}). The sandbox lets
 * {@code #foreach} walk collections only, which is all the templates need.
 *
 * <p>Unlike Confluence, which logs and renders nothing, a blocked call throws {@link BlockedTemplateCall}.
 */
public final class AllowlistUberspector extends UberspectImpl implements RuntimeServicesAware {
    /** The application attribute under which the renderer hands its allowlist to this uberspector. */
    static final String ALLOWLIST = VelocityAllowlist.class.getName();

    private RuntimeServices runtime;

    @Override
    public void setRuntimeServices(RuntimeServices runtime) {
        this.runtime = runtime;
    }

    @Override
    public void init() {
        super.init();
        Object allowlist = runtime.getApplicationAttribute(ALLOWLIST);
        if (!(allowlist instanceof VelocityAllowlist list)) {
            throw new IllegalStateException("The Velocity engine was started without an allowlist");
        }
        introspector = new AllowlistIntrospector(log, list);
    }

    @Override
    public Iterator getIterator(Object obj, Info info) throws Exception {
        if (obj != null && !(obj instanceof Collection)) {
            throw new BlockedTemplateCall("#foreach at " + at(info), obj.getClass());
        }
        return super.getIterator(obj, info);
    }

    @Override
    public VelPropertyGet getPropertyGet(Object obj, String identifier, Info info) throws Exception {
        if (obj instanceof Map) {
            throw new BlockedTemplateCall("the map lookup ." + identifier + " at " + at(info), obj.getClass());
        }
        return super.getPropertyGet(obj, identifier, info);
    }

    @Override
    public VelPropertySet getPropertySet(Object obj, String identifier, Object arg, Info info) {
        // Templates only read: a setter call on a view would change what other templates see.
        throw new BlockedTemplateCall("setting ." + identifier + " at " + at(info),
                obj == null ? Object.class : obj.getClass());
    }

    private static String at(Info info) {
        return info == null ? "?" : info.getTemplateName() + ":" + info.getLine();
    }

    /** Resolves as Velocity does, then lets through only what the allowlist permits. */
    private static final class AllowlistIntrospector extends Introspector {
        private final VelocityAllowlist allowlist;

        AllowlistIntrospector(Log log, VelocityAllowlist allowlist) {
            super(log);
            this.allowlist = allowlist;
        }

        @Override
        public Method getMethod(Class c, String name, Object[] params) {
            Method method = super.getMethod(c, name, params);
            if (method != null && !allowlist.permits(c, method)) {
                throw new BlockedTemplateCall(VelocityAllowlist.entryOf(method), c);
            }
            return method;
        }
    }
}
