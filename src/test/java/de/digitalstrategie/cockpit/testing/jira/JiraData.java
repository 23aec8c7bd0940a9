package de.digitalstrategie.cockpit.testing.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the {@link JiraDouble} holds: projects, issues, issue types, fields, link types, links, and
 * the clock that stamps "created" and "updated". Every method takes the one lock: the double's
 * request threads and the test thread use it at the same time.
 */
final class JiraData implements Jql.Catalog {
    private static final DateTimeFormatter JIRA_DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXPAND = "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations";
    private static final Set<String> SETTABLE = Set.of("summary", "description", "labels");

    record Project(String id, String key, String name) {
    }

    record IssueType(String id, String name, String description, boolean subtask) {
    }

    record Field(String id, String name, boolean custom, String schemaType, String customType) {
    }

    record LinkType(String id, String name, String inward, String outward) {
    }

    /**
     * A workflow status and its category, as GET /rest/api/2/status lists them: every Jira workflow
     * maps each of its statuses to one of the three categories (new, indeterminate, done).
     */
    record Status(String id, String name, int categoryId, String categoryKey, String categoryColour,
                  String categoryName) {
    }

    /** What a fresh Jira holds: the statuses of its default workflows, with their ids and categories. */
    static final List<Status> STATUSES = List.of(
            new Status("1", "Open", 2, "new", "blue-gray", "To Do"),
            new Status("10000", "To Do", 2, "new", "blue-gray", "To Do"),
            new Status("3", "In Progress", 4, "indeterminate", "yellow", "In Progress"),
            new Status("4", "Reopened", 2, "new", "blue-gray", "To Do"),
            new Status("5", "Resolved", 3, "done", "green", "Done"),
            new Status("6", "Closed", 3, "done", "green", "Done"),
            new Status("10001", "Done", 3, "done", "green", "Done"));

    /**
     * An issue type scheme: the issue types a project offers. The default scheme (id 10000) holds
     * every issue type, and every new type is added to it; a project not associated with another
     * scheme uses it. Another scheme holds only the types listed for it.
     */
    static final class IssueTypeScheme {
        final String id;
        String name;
        String description;
        String defaultIssueTypeId;
        final List<String> issueTypeIds = new ArrayList<>();

        IssueTypeScheme(String id, String name, String description) {
            this.id = id;
            this.name = name;
            this.description = description;
        }

    }

    static final String DEFAULT_SCHEME = "10000";

    private record Link(long id, LinkType type, long inwardId, long outwardId) {
    }

    record Page(int total, List<StoredIssue> issues) {
    }

    final ZoneId zone;
    private Instant now;
    private final Map<String, Project> projects = new LinkedHashMap<>();
    private final Map<String, Long> lastNumber = new HashMap<>();
    private final Map<Long, StoredIssue> issues = new HashMap<>();
    private final Map<String, Long> idByKey = new HashMap<>();
    /** Each issue's workflow status by name; a new issue starts in "Open". */
    private final Map<Long, String> statusOf = new HashMap<>();
    private final List<IssueType> issueTypes = new ArrayList<>();
    private final Map<String, IssueTypeScheme> schemes = new LinkedHashMap<>();
    /** The scheme of each project that is not on the default scheme. */
    private final Map<String, String> schemeOfProject = new HashMap<>();
    private long nextSchemeId = 10100;
    private final List<Field> fields = new ArrayList<>();
    private final List<LinkType> linkTypes = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final Map<Long, List<Link>> linksByIssue = new HashMap<>();
    private long nextIssueId = 10000;
    private long nextProjectId = 10000;
    private long nextIssueTypeId = 10000;
    private long nextCustomFieldId = 10000;
    private long nextLinkTypeId = 10000;
    private long nextLinkId = 10000;

    JiraData(ZoneId zone, Instant now) {
        this.zone = zone;
        this.now = now;
        schemes.put(DEFAULT_SCHEME, new IssueTypeScheme(DEFAULT_SCHEME, "Default Issue Type Scheme",
                "Default issue type scheme is the list of global issue types. All newly created issue types will "
                        + "automatically be added to this scheme."));
        // What a fresh Jira Software holds.
        for (String name : List.of("Epic", "Story", "Task", "Bug")) {
            createIssueType(name, "", false);
        }
        createIssueType("Sub-task", "", true);
        fields.add(new Field("summary", "Summary", false, "string", null));
        fields.add(new Field("description", "Description", false, "string", null));
        fields.add(new Field("issuetype", "Issue Type", false, "issuetype", null));
        fields.add(new Field("project", "Project", false, "project", null));
        fields.add(new Field("labels", "Labels", false, "array", null));
        fields.add(new Field("created", "Created", false, "datetime", null));
        fields.add(new Field("updated", "Updated", false, "datetime", null));
        fields.add(new Field("issuelinks", "Linked Issues", false, "array", null));
        fields.add(new Field("status", "Status", false, "status", null));
        createLinkType("Blocks", "is blocked by", "blocks");
        createLinkType("Cloners", "is cloned by", "clones");
        createLinkType("Duplicate", "is duplicated by", "duplicates");
        createLinkType("Relates", "relates to", "relates to");
    }

    // --- clock ---

    @Override
    public synchronized Instant now() {
        return now;
    }

    synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    synchronized void setNow(Instant instant) {
        now = instant;
    }

    // --- metadata ---

    synchronized Project createProject(String key, String name) {
        if (!key.matches("[A-Z][A-Z0-9_]*") || projects.containsKey(key)) {
            throw new IllegalArgumentException("bad or duplicate project key " + key);
        }
        Project project = new Project(Long.toString(nextProjectId++), key, name);
        projects.put(key, project);
        return project;
    }

    /** Who holds BROWSE_PROJECTS in each project (Jira: the permission scheme's grants, resolved to users). */
    private final Map<String, java.util.Set<String>> browsers = new java.util.HashMap<>();

    synchronized void grantBrowse(String projectKey, String user) {
        browsers.computeIfAbsent(project(projectKey).key(), k -> new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER))
                .add(user);
    }

    synchronized void revokeBrowse(String projectKey, String user) {
        browsers.getOrDefault(project(projectKey).key(), java.util.Set.of()).remove(user);
    }

    /** The users who may browse the project whose name starts with the search text, as Jira's user search matches. */
    synchronized List<String> browsers(String projectKey, String search) {
        String prefix = search.toLowerCase(Locale.ROOT);
        return browsers.getOrDefault(project(projectKey).key(), java.util.Set.of()).stream()
                .filter(u -> u.toLowerCase(Locale.ROOT).startsWith(prefix)).toList();
    }

    synchronized Project project(String key) {
        Project project = projects.get(key.toUpperCase(Locale.ROOT));
        if (project == null) {
            throw JiraError.messages(404, "No project could be found with key '" + key + "'.");
        }
        return project;
    }

    synchronized IssueType createIssueType(String name, String description, boolean subtask) {
        if (name == null || name.isBlank()) {
            throw JiraError.fields(400, Map.of("name", "You must specify a valid name for the issue type."));
        }
        if (issueType(name) != null) {
            throw JiraError.fields(409, Map.of("name", "An issue type with this name already exists."));
        }
        IssueType type = new IssueType(Long.toString(nextIssueTypeId++), name.strip(), description, subtask);
        issueTypes.add(type);
        // "Creates an issue type … and adds the … newly created issue type to the default issue
        // type scheme" (POST /rest/api/2/issuetype): to no other scheme.
        schemes.get(DEFAULT_SCHEME).issueTypeIds.add(type.id());
        return type;
    }

    /** A scheme offering the named types (the first its default), used by the given projects from now on. */
    synchronized IssueTypeScheme createIssueTypeScheme(String name, List<String> typeNames, List<String> projectKeys) {
        IssueTypeScheme scheme = new IssueTypeScheme(Long.toString(nextSchemeId++), name, "");
        for (String typeName : typeNames) {
            IssueType type = issueType(typeName);
            if (type == null) {
                throw new IllegalArgumentException("no issue type " + typeName);
            }
            scheme.issueTypeIds.add(type.id());
        }
        scheme.defaultIssueTypeId = scheme.issueTypeIds.isEmpty() ? null : scheme.issueTypeIds.get(0);
        schemes.put(scheme.id, scheme);
        for (String key : projectKeys) {
            schemeOfProject.put(project(key).key(), scheme.id);
        }
        return scheme;
    }

    synchronized List<IssueTypeScheme> issueTypeSchemes() {
        return List.copyOf(schemes.values());
    }

    synchronized IssueTypeScheme issueTypeScheme(String id) {
        IssueTypeScheme scheme = schemes.get(id);
        if (scheme == null) {
            throw JiraError.messages(404, "Could not find issue type scheme with id " + id + ".");
        }
        return scheme;
    }

    /**
     * Changes a scheme as PUT /issuetypescheme/{id} does: the fields given replace the stored ones,
     * issueTypeIds as a whole (Jira reads either spelling, issueTypeIds and issueTypeIDs).
     */
    synchronized IssueTypeScheme updateIssueTypeScheme(String id, JsonNode input) {
        IssueTypeScheme scheme = issueTypeScheme(id);
        JsonNode ids = input.has("issueTypeIds") ? input.get("issueTypeIds") : input.get("issueTypeIDs");
        List<String> newIds = null;
        if (ids != null && !ids.isNull()) {
            newIds = new ArrayList<>();
            for (JsonNode typeId : ids) {
                String t = typeId.asText("");
                if (issueTypes.stream().noneMatch(type -> type.id().equals(t))) {
                    // Jira refuses an unknown id with a 400; its exact text is not known here.
                    throw JiraError.messages(400, "Invalid issue type id: " + t);
                }
                if (!newIds.contains(t)) {
                    newIds.add(t);
                }
            }
        }
        String defaultType = input.path("defaultIssueTypeId").asText(scheme.defaultIssueTypeId);
        if (input.path("name").isTextual()) {
            scheme.name = input.get("name").asText();
        }
        if (input.path("description").isTextual()) {
            scheme.description = input.get("description").asText();
        }
        scheme.defaultIssueTypeId = defaultType == null || defaultType.isEmpty() ? null : defaultType;
        if (newIds != null) {
            scheme.issueTypeIds.clear();
            scheme.issueTypeIds.addAll(newIds);
        }
        return scheme;
    }

    /** The projects using a scheme; for the default scheme, those not associated with another. */
    synchronized List<Project> schemeProjects(String schemeId) {
        IssueTypeScheme scheme = issueTypeScheme(schemeId);
        return projects.values().stream().filter(p -> schemeOf(p.key()) == scheme).toList();
    }

    private IssueTypeScheme schemeOf(String projectKey) {
        return schemes.get(schemeOfProject.getOrDefault(projectKey, DEFAULT_SCHEME));
    }

    /** The issue types a project offers, in its scheme's order. */
    synchronized List<IssueType> projectIssueTypes(String projectKey) {
        return schemeOf(project(projectKey).key()).issueTypeIds.stream()
                .map(id -> issueTypes.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow()).toList();
    }

    synchronized List<IssueType> issueTypes() {
        return List.copyOf(issueTypes);
    }

    synchronized Field createField(String name, String type) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (name == null || name.isBlank()) {
            errors.put("name", "You must specify a name for the custom field.");
        }
        if (type == null || !type.contains(":")) {
            errors.put("type", "Invalid custom field type specified.");
        }
        if (!errors.isEmpty()) {
            throw JiraError.fields(400, errors);
        }
        Field field = new Field("customfield_" + nextCustomFieldId++, name.strip(), true, schemaType(type), type);
        fields.add(field);
        return field;
    }

    synchronized List<Field> fields() {
        return List.copyOf(fields);
    }

    synchronized LinkType createLinkType(String name, String inward, String outward) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (name == null || name.isBlank()) {
            errors.put("name", "You must specify a name for the link type.");
        } else if (linkType(name) != null) {
            errors.put("name", "A link type with the name '" + name + "' already exists.");
        }
        if (inward == null || inward.isBlank()) {
            errors.put("inward", "You must specify an inward description.");
        }
        if (outward == null || outward.isBlank()) {
            errors.put("outward", "You must specify an outward description.");
        }
        if (!errors.isEmpty()) {
            throw JiraError.fields(400, errors);
        }
        LinkType type = new LinkType(Long.toString(nextLinkTypeId++), name.strip(), inward, outward);
        linkTypes.add(type);
        return type;
    }

    synchronized List<LinkType> linkTypes() {
        return List.copyOf(linkTypes);
    }

    // --- issues ---

    /** Creates an issue from Jira's input shapes; the REST endpoint and the tests' helpers both come here. */
    synchronized StoredIssue createIssue(JsonNode input) {
        Map<String, String> errors = new LinkedHashMap<>();
        Project project = resolveProject(input.get("project"), errors);
        IssueType type = resolveIssueType(input.get("issuetype"), errors);
        JsonNode summary = input.get("summary");
        if (summary == null || !summary.isTextual() || summary.asText().isBlank()) {
            errors.put("summary", "You must specify a summary of the issue.");
        }
        if (project != null && type != null && !schemeOf(project.key()).issueTypeIds.contains(type.id())) {
            // A type Jira has, but not the project's issue type scheme.
            errors.put("issuetype", "The issue type selected is invalid.");
        }
        Map<String, JsonNode> values = new HashMap<>();
        settable(input, Set.of("project", "issuetype"), values, errors);
        if (!errors.isEmpty()) {
            throw JiraError.fields(400, errors);
        }
        long number = lastNumber.merge(project.key(), 1L, Long::sum);
        StoredIssue issue = new StoredIssue(nextIssueId++, project.key() + "-" + number, project.key(), type.name(),
                now, now, values);
        issues.put(issue.id(), issue);
        idByKey.put(issue.key(), issue.id());
        statusOf.put(issue.id(), "Open");
        return issue;
    }

    /** Many issues at once, each from the fields {@code fieldsOf} gives for 0, 1, … n - 1. */
    synchronized List<String> createIssues(String project, String issueType, int n,
                                           Function<Integer, Map<String, Object>> fieldsOf) {
        List<String> keys = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            keys.add(createIssue(project, issueType, fieldsOf.apply(i), i).key());
        }
        return keys;
    }

    private StoredIssue createIssue(String project, String issueType, Map<String, Object> fields, int index) {
        ObjectNode input = JSON.valueToTree(fields);
        input.putObject("project").put("key", project);
        input.putObject("issuetype").put("name", issueType);
        if (!input.has("summary")) {
            input.put("summary", project + " issue " + (index + 1));
        }
        try {
            return createIssue(input);
        } catch (JiraError e) {
            throw new IllegalArgumentException("Jira would refuse this issue: " + e.body, e);
        }
    }

    synchronized StoredIssue updateIssue(String key, JsonNode input) {
        StoredIssue issue = issue(key);
        Map<String, String> errors = new LinkedHashMap<>();
        IssueType type = input.has("issuetype") ? resolveIssueType(input.get("issuetype"), errors) : null;
        if (type != null && !schemeOf(issue.project()).issueTypeIds.contains(type.id())) {
            errors.put("issuetype", "The issue type selected is invalid.");
        }
        JsonNode summary = input.get("summary");
        if (summary != null && (!summary.isTextual() || summary.asText().isBlank())) {
            errors.put("summary", "You must specify a summary of the issue.");
        }
        Map<String, JsonNode> values = new HashMap<>(issue.fields());
        settable(input, Set.of("issuetype"), values, errors);
        if (!errors.isEmpty()) {
            throw JiraError.fields(400, errors);
        }
        return replace(issue.with(issue.key(), issue.project(), type == null ? issue.issueType() : type.name(), now,
                values));
    }

    synchronized StoredIssue issue(String key) {
        Long id = idByKey.get(key.toUpperCase(Locale.ROOT));
        if (id == null) {
            throw JiraError.messages(404, "Issue Does Not Exist");
        }
        return issues.get(id);
    }

    synchronized void link(String typeName, String inwardKey, String outwardKey) {
        LinkType type = typeName == null ? null : linkType(typeName);
        if (type == null) {
            throw JiraError.messages(404, "No issue link type with name '" + typeName + "' found.");
        }
        long inward = issue(inwardKey == null ? "" : inwardKey).id();
        long outward = issue(outwardKey == null ? "" : outwardKey).id();
        Link link = new Link(nextLinkId++, type, inward, outward);
        links.add(link);
        linksByIssue.computeIfAbsent(inward, id -> new ArrayList<>()).add(link);
        linksByIssue.computeIfAbsent(outward, id -> new ArrayList<>()).add(link);
    }

    /**
     * Moves the issue to another status, as a transition of its workflow does: "updated" is now.
     * (The double has no workflows: any status of {@link #STATUSES} can follow any other.)
     */
    synchronized void transition(String key, String statusName) {
        StoredIssue issue = issue(key);
        statusOf.put(issue.id(), status(statusName).name());
        replace(issue.with(issue.key(), issue.project(), issue.issueType(), now, issue.fields()));
    }

    synchronized Status status(StoredIssue issue) {
        return status(statusOf.getOrDefault(issue.id(), "Open"));
    }

    private static Status status(String name) {
        return STATUSES.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no status " + name));
    }

    synchronized void touch(String key) {
        StoredIssue issue = issue(key);
        replace(issue.with(issue.key(), issue.project(), issue.issueType(), now, issue.fields()));
    }

    synchronized void delete(String key) {
        StoredIssue issue = issue(key);
        issues.remove(issue.id());
        idByKey.remove(issue.key());
        statusOf.remove(issue.id());
        List<Link> gone = new ArrayList<>(linksByIssue.getOrDefault(issue.id(), List.of()));
        links.removeAll(gone);
        for (Link link : gone) {
            linksByIssue.getOrDefault(link.inwardId(), new ArrayList<>()).remove(link);
            linksByIssue.getOrDefault(link.outwardId(), new ArrayList<>()).remove(link);
        }
        linksByIssue.remove(issue.id());
    }

    synchronized String move(String key, String newProject) {
        StoredIssue issue = issue(key);
        Project target = projects.get(newProject);
        if (target == null) {
            throw new IllegalArgumentException("no project " + newProject);
        }
        long number = lastNumber.merge(target.key(), 1L, Long::sum);
        String newKey = target.key() + "-" + number;
        idByKey.remove(issue.key());
        idByKey.put(newKey, issue.id());
        replace(issue.with(newKey, target.key(), issue.issueType(), now, issue.fields()));
        return newKey;
    }

    synchronized Page search(Jql jql, int startAt, int maxResults) {
        if (maxResults == 0) {
            // A count, as Jira answers maxResults=0: nothing to order.
            return new Page((int) issues.values().stream().filter(jql.filter).count(), List.of());
        }
        List<StoredIssue> matching = issues.values().stream().filter(jql.filter).sorted(jql.order).toList();
        int from = Math.min(startAt, matching.size());
        return new Page(matching.size(), matching.subList(from, Math.min(matching.size(), from + maxResults)));
    }

    synchronized List<StoredIssue> issues() {
        return issues.values().stream().sorted(StoredIssue.BY_KEY).toList();
    }

    synchronized List<StoredLink> links() {
        return links.stream().map(l -> new StoredLink(l.type().name(), issues.get(l.inwardId()).key(),
                issues.get(l.outwardId()).key())).toList();
    }

    // --- Jira's JSON ---

    synchronized ObjectNode render(StoredIssue issue, Set<String> wanted, String base) {
        ObjectNode json = NODES.objectNode();
        json.put("expand", EXPAND);
        json.put("id", Long.toString(issue.id()));
        json.put("self", base + "/rest/api/2/issue/" + issue.id());
        json.put("key", issue.key());
        ObjectNode fields = json.putObject("fields");
        for (Field field : this.fields) {
            String id = field.id();
            if (wanted != null && !wanted.contains(id)) {
                continue;
            }
            switch (id) {
                case "issuetype" -> fields.set(id, render(issueType(issue.issueType()), base));
                case "project" -> fields.set(id, render(projects.get(issue.project()), base));
                case "labels" -> fields.set(id, issue.fields().getOrDefault(id, NODES.arrayNode()));
                case "created" -> fields.put(id, format(issue.created()));
                case "updated" -> fields.put(id, format(issue.updated()));
                case "issuelinks" -> fields.set(id, renderLinks(issue, base));
                case "status" -> fields.set(id, render(status(issue), base));
                default -> fields.set(id, issue.fields().getOrDefault(id, NullNode.getInstance()));
            }
        }
        return json;
    }

    ObjectNode render(Project project, String base) {
        ObjectNode json = NODES.objectNode();
        json.put("self", base + "/rest/api/2/project/" + project.id());
        json.put("id", project.id());
        json.put("key", project.key());
        json.put("name", project.name());
        json.put("projectTypeKey", "software");
        return json;
    }

    /** A project in full, as GET /project/{key} answers: with the issue types its scheme offers. */
    synchronized ObjectNode renderFull(Project project, String base) {
        ObjectNode json = render(project, base);
        ArrayNode types = json.putArray("issueTypes");
        projectIssueTypes(project.key()).forEach(t -> types.add(render(t, base)));
        return json;
    }

    /**
     * @param issueTypes        whether to list its issue types (expand=schemes.issueTypes)
     * @param defaultIssueType  whether to give its default issue type (expand=schemes.defaultIssueType)
     */
    synchronized ObjectNode render(IssueTypeScheme scheme, boolean issueTypes, boolean defaultIssueType, String base) {
        ObjectNode json = NODES.objectNode();
        json.put("expand", "issueTypes,defaultIssueType");
        json.put("self", base + "/rest/api/2/issuetypescheme/" + scheme.id);
        json.put("id", scheme.id);
        json.put("name", scheme.name);
        json.put("description", scheme.description);
        if (defaultIssueType && scheme.defaultIssueTypeId != null) {
            json.set("defaultIssueType", render(this.issueTypes.stream()
                    .filter(t -> t.id().equals(scheme.defaultIssueTypeId)).findFirst().orElseThrow(), base));
        }
        if (issueTypes) {
            ArrayNode types = json.putArray("issueTypes");
            for (String id : scheme.issueTypeIds) {
                types.add(render(this.issueTypes.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(),
                        base));
            }
        }
        return json;
    }

    ObjectNode render(IssueType type, String base) {
        ObjectNode json = NODES.objectNode();
        json.put("self", base + "/rest/api/2/issuetype/" + type.id());
        json.put("id", type.id());
        json.put("description", type.description());
        json.put("name", type.name());
        json.put("subtask", type.subtask());
        json.put("avatarId", 10300);
        return json;
    }

    ObjectNode render(Field field) {
        ObjectNode json = NODES.objectNode();
        json.put("id", field.id());
        json.put("name", field.name());
        json.put("custom", field.custom());
        json.put("orderable", true);
        json.put("navigable", true);
        json.put("searchable", true);
        ArrayNode clauseNames = json.putArray("clauseNames");
        ObjectNode schema = json.putObject("schema");
        schema.put("type", field.schemaType());
        if (field.custom()) {
            String number = field.id().substring("customfield_".length());
            clauseNames.add("cf[" + number + "]").add(field.name());
            schema.put("custom", field.customType());
            schema.put("customId", Long.parseLong(number));
        } else {
            clauseNames.add(field.id());
            schema.put("system", field.id());
        }
        return json;
    }

    /** A status as Jira writes it in an issue's "status" field, with its category. */
    ObjectNode render(Status status, String base) {
        ObjectNode json = NODES.objectNode();
        json.put("self", base + "/rest/api/2/status/" + status.id());
        json.put("description", "");
        json.put("iconUrl", base + "/images/icons/statuses/generic.png");
        json.put("name", status.name());
        json.put("id", status.id());
        ObjectNode category = json.putObject("statusCategory");
        category.put("self", base + "/rest/api/2/statuscategory/" + status.categoryId());
        category.put("id", status.categoryId());
        category.put("key", status.categoryKey());
        category.put("colorName", status.categoryColour());
        category.put("name", status.categoryName());
        return json;
    }

    ObjectNode render(LinkType type, String base) {
        ObjectNode json = NODES.objectNode();
        json.put("id", type.id());
        json.put("name", type.name());
        json.put("inward", type.inward());
        json.put("outward", type.outward());
        json.put("self", base + "/rest/api/2/issueLinkType/" + type.id());
        return json;
    }

    private ArrayNode renderLinks(StoredIssue issue, String base) {
        ArrayNode array = NODES.arrayNode();
        for (Link link : linksByIssue.getOrDefault(issue.id(), List.of())) {
            ObjectNode json = array.addObject();
            json.put("id", Long.toString(link.id()));
            json.put("self", base + "/rest/api/2/issueLink/" + link.id());
            json.set("type", render(link.type(), base));
            // From the inward issue's side the link points outward, and the other way round.
            boolean outward = link.inwardId() == issue.id();
            StoredIssue other = issues.get(outward ? link.outwardId() : link.inwardId());
            ObjectNode ref = json.putObject(outward ? "outwardIssue" : "inwardIssue");
            ref.put("id", Long.toString(other.id()));
            ref.put("key", other.key());
            ref.put("self", base + "/rest/api/2/issue/" + other.id());
            ObjectNode fields = ref.putObject("fields");
            fields.set("summary", other.fields().getOrDefault("summary", NullNode.getInstance()));
            fields.set("issuetype", render(issueType(other.issueType()), base));
        }
        return array;
    }

    String format(Instant instant) {
        return JIRA_DATE_TIME.format(instant.atZone(zone));
    }

    // --- Jql.Catalog ---

    @Override
    public synchronized boolean hasProject(String key) {
        return projects.containsKey(key.toUpperCase(Locale.ROOT));
    }

    @Override
    public synchronized boolean hasIssueType(String name) {
        return issueType(name) != null;
    }

    @Override
    public synchronized boolean hasIssue(String key) {
        return idByKey.containsKey(key.toUpperCase(Locale.ROOT));
    }

    // --- helpers ---

    private StoredIssue replace(StoredIssue issue) {
        issues.put(issue.id(), issue);
        return issue;
    }

    private IssueType issueType(String name) {
        return issueTypes.stream().filter(t -> t.name().equalsIgnoreCase(name.strip())).findFirst().orElse(null);
    }

    private LinkType linkType(String name) {
        return linkTypes.stream().filter(t -> t.name().equalsIgnoreCase(name.strip())).findFirst().orElse(null);
    }

    private Project resolveProject(JsonNode ref, Map<String, String> errors) {
        if (ref == null || ref.isNull()) {
            errors.put("project", "project is required");
            return null;
        }
        String key = ref.path("key").asText("");
        String id = ref.path("id").asText("");
        Project project = projects.values().stream()
                .filter(p -> p.key().equalsIgnoreCase(key) || p.id().equals(id)).findFirst().orElse(null);
        if (project == null) {
            errors.put("project", "valid project is required");
        }
        return project;
    }

    private IssueType resolveIssueType(JsonNode ref, Map<String, String> errors) {
        if (ref == null || ref.isNull()) {
            errors.put("issuetype", "issue type is required");
            return null;
        }
        String name = ref.path("name").asText("");
        String id = ref.path("id").asText("");
        IssueType type = issueTypes.stream()
                .filter(t -> t.name().equalsIgnoreCase(name) || t.id().equals(id)).findFirst().orElse(null);
        if (type == null) {
            errors.put("issuetype", "valid issue type is required");
        }
        return type;
    }

    /** Copies the settable fields of {@code input} into {@code values} (null unsets), noting refusals. */
    private void settable(JsonNode input, Set<String> handled, Map<String, JsonNode> values,
                          Map<String, String> errors) {
        for (Iterator<Map.Entry<String, JsonNode>> it = input.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String id = entry.getKey();
            JsonNode value = entry.getValue();
            if (handled.contains(id)) {
                continue;
            }
            boolean custom = fields.stream().anyMatch(f -> f.custom() && f.id().equals(id));
            if (!SETTABLE.contains(id) && !custom) {
                errors.put(id, "Field '" + id + "' cannot be set. It is not on the appropriate screen, or unknown.");
                continue;
            }
            if (id.equals("summary") && value.asText().length() > 255) {
                errors.put(id, "Summary must be less than 255 characters.");
                continue;
            }
            if (id.equals("labels")) {
                if (!value.isArray()) {
                    errors.put(id, "data was not an array");
                    continue;
                }
                String bad = null;
                for (JsonNode label : value) {
                    if (!label.isTextual() || label.asText().isBlank() || label.asText().contains(" ")) {
                        bad = label.asText();
                    }
                }
                if (bad != null) {
                    errors.put(id, "The label '" + bad + "' contains spaces which is invalid.");
                    continue;
                }
            }
            if (value.isNull()) {
                values.remove(id);
            } else {
                values.put(id, value.deepCopy());
            }
        }
    }

    private static String schemaType(String customType) {
        String type = customType.substring(customType.indexOf(':') + 1);
        return switch (type) {
            case "textfield", "textarea", "url", "readonlyfield" -> "string";
            case "float" -> "number";
            case "datepicker" -> "date";
            case "datetime" -> "datetime";
            case "select", "radiobuttons" -> "option";
            case "multiselect", "multicheckboxes", "labels", "multiuserpicker" -> "array";
            case "userpicker" -> "user";
            default -> "any";
        };
    }
}
