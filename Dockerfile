# One image recipe for every Edgeward service; the build arguments pick the service.
#   MODULE      the Maven module (protector-api, ingest-service, detection-engine, inline-inspector, console)
#   MAIN_CLASS  its composition root (io.edgeward.protector.App, io.edgeward.ingest.App, io.edgeward.detection.App,
#               io.edgeward.inspector.App, io.edgeward.console.App)
#   PORT        the port it listens on, as a label (none for the detection engine; EXPOSE takes no empty value,
#               and ECS maps ports from the task definition)
# The build context is the repository root with the jars Maven left in <module>/target/ (docs/deploy.md "Build"):
#   ./mvnw -pl protector-api -am -DskipTests package dependency:copy-dependencies \
#       -DincludeScope=runtime -DoutputDirectory=target/lib
# CDK builds and pushes each service's image at deploy time (ContainerImage.fromAsset with these arguments and a
# context of only this file and the module's jars); by hand, from the repository root:
#   docker build --platform linux/amd64 --build-arg MODULE=protector-api --build-arg PORT=8081 \
#       --build-arg MAIN_CLASS=io.edgeward.protector.App -t edgeward/protector-api .
FROM eclipse-temurin:21-jre

ARG MODULE
ARG MAIN_CLASS
ARG PORT=
RUN test -n "$MODULE" && test -n "$MAIN_CLASS" \
    || { echo "build arguments MODULE and MAIN_CLASS are required" >&2; exit 1; }

RUN groupadd --system edgeward && useradd --system --gid edgeward --home-dir /app --shell /usr/sbin/nologin edgeward
WORKDIR /app
COPY ${MODULE}/target/lib/ /app/lib/
COPY ${MODULE}/target/${MODULE}-*.jar /app/lib/

LABEL io.edgeward.module="${MODULE}" io.edgeward.port="${PORT}"
ENV EDGEWARD_MAIN_CLASS=${MAIN_CLASS}
USER edgeward
# The container limit sizes the heap; an out-of-memory JVM exits so ECS replaces the task. exec: java is PID 1 and
# gets ECS's SIGTERM.
ENTRYPOINT ["sh", "-c", "exec java -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -cp '/app/lib/*' \"$EDGEWARD_MAIN_CLASS\" \"$@\"", "edgeward"]
