package de.digitalstrategie.cockpit.sandbox.host;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.SmartFactoryBean;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.beans.factory.xml.AbstractBeanDefinitionParser;
import org.springframework.beans.factory.xml.DefaultNamespaceHandlerResolver;
import org.springframework.beans.factory.xml.NamespaceHandler;
import org.springframework.beans.factory.xml.NamespaceHandlerResolver;
import org.springframework.beans.factory.xml.NamespaceHandlerSupport;
import org.springframework.beans.factory.xml.ParserContext;
import org.springframework.beans.factory.xml.XmlBeanDefinitionReader;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.ClassUtils;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import java.time.Clock;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plugin's Spring container, as Confluence's plugin system builds it for a transformerless
 * plugin: {@code META-INF/spring/plugin-context.xml} (the bundle's {@code Spring-Context: *})
 * read by a real Spring 5.3 container, validated against Gemini Blueprint's own schema, with
 * every {@code osgi:reference} resolved to the service the host offers for that interface
 * ({@link HostServices}), or failing as a mandatory reference does when there is none.
 *
 * <p>Module classes named in atlassian-plugin.xml (macros, servlets, REST resources) are not
 * looked up as beans: the plugin system creates each with its ContainerAccessor, which autowires
 * the constructor from this context ({@code createBean(class, AUTOWIRE_CONSTRUCTOR, false)},
 * atlassian-plugins-osgi {@code DefaultSpringContainerAccessor.createBean}); {@link #createModule}
 * does the same.
 */
public final class PluginContainer implements AutoCloseable {
    public static final String CONTEXT = "META-INF/spring/plugin-context.xml";
    /** The namespace plugin-context.xml binds to "osgi" (Gemini Blueprint, Spring DM's successor). */
    static final String GEMINI = "http://www.eclipse.org/gemini/blueprint/schema/blueprint";
    static final String CLOCK = "clock";

    private final GenericApplicationContext context;
    private final RecordingBeanFactory beans;

    private PluginContainer(RecordingBeanFactory beans, GenericApplicationContext context) {
        this.beans = beans;
        this.context = context;
    }

    /** Reads the plugin's Spring context, instantiates every singleton and runs their init methods. */
    public static PluginContainer start(HostServices host) {
        return start(host, Map.of());
    }

    /**
     * The same, with the plugin's {@code clock} bean (the system clock in plugin-context.xml)
     * replaced by {@code clock}, so that what the plugin dates can be asserted.
     */
    public static PluginContainer start(HostServices host, Clock clock) {
        return start(host, clock == null ? Map.of() : Map.of(CLOCK, clock));
    }

    /**
     * The same, with some of the plugin's beans replaced: what a test may set at the plugin's edge
     * (the clock, the way a client reaches Jira). Only a leaf may be replaced, a bean that takes
     * nothing from the context, so every bean that is composed stays composed as plugin-context.xml
     * says; and the replacement must be what the declared bean is to the beans that take it (each
     * class and interface of the declared class), so autowiring sees no difference.
     */
    public static PluginContainer start(HostServices host, Map<String, ?> replaced) {
        RecordingBeanFactory beans = new RecordingBeanFactory();
        GenericApplicationContext context = new GenericApplicationContext(beans);
        ClassLoader loader = PluginContainer.class.getClassLoader();
        context.setClassLoader(loader);
        XmlBeanDefinitionReader reader = new XmlBeanDefinitionReader(context);
        reader.setBeanClassLoader(loader);
        // XSD validation stays on (the default): Gemini's schema comes from gemini-blueprint-core's
        // META-INF/spring.schemas, so a wrong attribute fails here as it does in Confluence.
        reader.setNamespaceHandlerResolver(new HostNamespaces(host, loader));
        reader.loadBeanDefinitions(new ClassPathResource(CONTEXT, loader));
        replaced.forEach((id, replacement) -> {
            if (!context.containsBeanDefinition(id)) {
                throw new IllegalStateException("plugin-context.xml declares no bean \"" + id + "\" to replace");
            }
            BeanDefinition declared = context.getBeanDefinition(id);
            if (declared.getConstructorArgumentValues().getArgumentCount() > 0
                    || !declared.getPropertyValues().isEmpty()) {
                throw new IllegalStateException("bean \"" + id + "\" is composed from others: replace what it takes");
            }
            Class<?> type = ClassUtils.resolveClassName(declared.getBeanClassName(), loader);
            for (Class<?> role : roles(type)) {
                if (!role.isInstance(replacement)) {
                    throw new IllegalStateException("a replacement of bean \"" + id + "\" must be a " + role.getName());
                }
            }
            context.removeBeanDefinition(id);
            beans.registerSingleton(id, replacement);
        });
        context.refresh();
        return new PluginContainer(beans, context);
    }

    /** What a bean of {@code type} can be injected as: its superclasses and interfaces, the class itself if not final. */
    private static Set<Class<?>> roles(Class<?> type) {
        Set<Class<?>> roles = new LinkedHashSet<>(ClassUtils.getAllInterfacesForClassAsSet(type));
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c != type || !java.lang.reflect.Modifier.isFinal(type.getModifiers())) {
                roles.add(c);
            }
        }
        return roles;
    }

    public <T> T bean(String id, Class<T> type) {
        return context.getBean(id, type);
    }

    /** The one bean of a type (fails if there is none or more than one). */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The type of a bean's object (for an osgi:reference, its interface). */
    public Class<?> beanType(String name) {
        return context.getType(name);
    }

    /** The beans constructor autowiring could inject where {@code type} is asked for. */
    public List<String> beansOfType(Class<?> type) {
        return List.of(context.getBeanNamesForType(type, true, false));
    }

    public List<String> beanNames() {
        return List.of(context.getBeanDefinitionNames());
    }

    /** A module class of atlassian-plugin.xml, created the way the plugin system creates it. */
    public <T> T createModule(Class<T> moduleClass) {
        return moduleClass.cast(context.getAutowireCapableBeanFactory()
                .createBean(moduleClass, AutowireCapableBeanFactory.AUTOWIRE_CONSTRUCTOR, false));
    }

    /** The beans whose definitions name an init method. */
    public Set<String> beansWithInitMethods() {
        Set<String> names = new LinkedHashSet<>();
        for (String name : context.getBeanDefinitionNames()) {
            BeanDefinition definition = context.getBeanDefinition(name);
            if (definition instanceof AbstractBeanDefinition d && d.getInitMethodName() != null) {
                names.add(name);
            }
        }
        return names;
    }

    /** The beans whose init method Spring has run. */
    public Set<String> initialised() {
        return Collections.unmodifiableSet(beans.initialised);
    }

    /** Destroys the singletons (destroy methods run), as disabling the plugin does. */
    @Override
    public void close() {
        context.close();
    }

    /** Records each init method it runs, so a test can see they all ran. */
    private static final class RecordingBeanFactory extends DefaultListableBeanFactory {
        private final Set<String> initialised = Collections.synchronizedSet(new LinkedHashSet<>());

        @Override
        protected void invokeCustomInitMethod(String beanName, Object bean, RootBeanDefinition definition)
                throws Throwable {
            super.invokeCustomInitMethod(beanName, bean, definition);
            initialised.add(beanName);
        }
    }

    /** Spring's own namespaces, plus Gemini's resolved against the host's services. */
    private static final class HostNamespaces implements NamespaceHandlerResolver {
        private final NamespaceHandlerResolver spring;
        private final NamespaceHandler gemini;

        HostNamespaces(HostServices host, ClassLoader loader) {
            this.spring = new DefaultNamespaceHandlerResolver(loader);
            this.gemini = new GeminiReferences(host);
            gemini.init();
        }

        @Override
        public NamespaceHandler resolve(String namespaceUri) {
            return GEMINI.equals(namespaceUri) ? gemini : spring.resolve(namespaceUri);
        }
    }

    /**
     * Gemini's {@code osgi:reference id interface}, the one element the plugin uses. Any other
     * element or attribute fails instead of being ignored: the sandbox would not honour it.
     */
    private static final class GeminiReferences extends NamespaceHandlerSupport {
        private final HostServices host;

        GeminiReferences(HostServices host) {
            this.host = host;
        }

        @Override
        public void init() {
            registerBeanDefinitionParser("reference", new AbstractBeanDefinitionParser() {
                @Override
                protected AbstractBeanDefinition parseInternal(Element element, ParserContext parser) {
                    NamedNodeMap attributes = element.getAttributes();
                    for (int i = 0; i < attributes.getLength(); i++) {
                        Attr attribute = (Attr) attributes.item(i);
                        // Attributes the schema only defaults (availability, timeout...) keep their defaults.
                        if (attribute.getSpecified() && !Set.of("id", "interface").contains(attribute.getName())) {
                            parser.getReaderContext().error("osgi:reference attribute " + attribute.getName()
                                    + " is not modelled by the sandbox's host", element);
                        }
                    }
                    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                        if (child instanceof Element) {
                            parser.getReaderContext().error("osgi:reference child elements are not modelled"
                                    + " by the sandbox's host", element);
                        }
                    }
                    return BeanDefinitionBuilder.genericBeanDefinition(HostReference.class)
                            .addConstructorArgValue(host)
                            .addConstructorArgValue(element.getAttribute("interface"))
                            .getBeanDefinition();
                }
            });
        }
    }

    /**
     * One {@code osgi:reference}: its type is the interface, its object the host's service. Eager, as
     * a mandatory reference is: a service the host lacks fails the context when it starts.
     */
    static final class HostReference implements SmartFactoryBean<Object>, BeanClassLoaderAware {
        private final HostServices host;
        private final String interfaceName;
        private ClassLoader loader = ClassUtils.getDefaultClassLoader();
        private Object service;

        HostReference(HostServices host, String interfaceName) {
            this.host = host;
            this.interfaceName = interfaceName;
        }

        @Override
        public void setBeanClassLoader(ClassLoader classLoader) {
            this.loader = classLoader;
        }

        @Override
        public synchronized Object getObject() {
            if (service == null) {
                service = host.reference(getObjectType());
            }
            return service;
        }

        @Override
        public Class<?> getObjectType() {
            try {
                return ClassUtils.forName(interfaceName, loader);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("osgi:reference interface not found: " + interfaceName, e);
            }
        }

        @Override
        public boolean isSingleton() {
            return true;
        }

        @Override
        public boolean isEagerInit() {
            return true;
        }

        @Override
        public String toString() {
            return "osgi:reference " + interfaceName + " (host offers " + Arrays.toString(host.offered().toArray()) + ")";
        }
    }
}
