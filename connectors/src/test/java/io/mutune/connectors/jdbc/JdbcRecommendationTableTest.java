package io.mutune.connectors.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.recommend.PublishRecord;
import io.mutune.connectors.recommend.RecommendationRow;
import io.mutune.connectors.recommend.RecommendationTable;
import io.mutune.connectors.recommend.RecommendationTableContract;
import io.mutune.connectors.recommend.Recs;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JdbcRecommendationTableTest extends RecommendationTableContract {
    private static final PostgresServer PG = PostgresServer.get();

    @Override
    protected RecommendationTable newTable() {
        return new JdbcRecommendationTable(PG.newTable("recs"), PG.password());
    }

    @Override
    protected RecommendationTable reopen(RecommendationTable table) {
        return new JdbcRecommendationTable(JdbcTarget.parse(table.location()), PG.password());
    }

    private static void sql(JdbcTarget t, String statement) throws SQLException {
        try (Connection c = new JdbcConnections(t, PG.password()).open(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static Map<String, RecommendationRow> byHp(List<RecommendationRow> rows) {
        return rows.stream().collect(Collectors.toMap(RecommendationRow::hyperparameter, r -> r));
    }

    /**
     * A trigger makes the server fail the second insert of a publish, after the first row was
     * already moved to history and replaced: the whole publish must roll back.
     */
    @Test
    void aPublishThatFailsMidTransactionLeavesThePreviousRecommendations() throws SQLException {
        JdbcTarget target = PG.newTable("recs_fail");
        JdbcRecommendationTable t = new JdbcRecommendationTable(target, PG.password());
        t.publish("s1", List.of(Recs.row("lr", 1024, 0.01, "s1"), Recs.row("weight_decay", 1024, 0.1, "s1")));
        String fn = target.table() + "_fail";
        sql(target, "CREATE FUNCTION " + fn + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " IF NEW.hyperparameter = 'weight_decay' AND NEW.sweep_id = 's2' THEN RAISE EXCEPTION 'injected failure'; END IF;"
                + " RETURN NEW; END $$");
        sql(target, "CREATE TRIGGER " + fn + " BEFORE INSERT ON " + target.table() + " FOR EACH ROW EXECUTE FUNCTION " + fn + "()");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.publish("s2",
                List.of(Recs.row("lr", 1024, 0.02, "s2"), Recs.row("weight_decay", 1024, 0.2, "s2"))));
        assertTrue(e.getMessage().contains("injected failure"), e.getMessage());
        Map<String, RecommendationRow> now = byHp(t.current());
        assertEquals(0.01, now.get("lr").value());
        assertEquals(0.1, now.get("weight_decay").value());
        assertEquals(List.of(1L), t.history().stream().map(PublishRecord::version).toList());
        try (Connection c = new JdbcConnections(target, PG.password()).open();
             ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM " + target.table() + "_history")) {
            r.next();
            assertEquals(0, r.getLong(1), "the rolled-back publish left nothing in history");
        }
    }

    @Test
    void aTableNameThatTriesSqlInjectionIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JdbcTarget.parse(PG.url + "&table=recs;DROP TABLE mutune_tables;--"));
        assertTrue(e.getMessage().contains("recs;DROP TABLE mutune_tables;--"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JdbcTarget.parse(PG.url + "&table=recs\"%20OR%201=1"));
        assertThrows(IllegalArgumentException.class, () -> JdbcTarget.parse(PG.url + "&table=recs%27"));
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutEchoingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JdbcTarget.parse("jdbc:postgresql://127.0.0.1:5432/db?user=u&password=hunter2secret&table=recs"));
        assertFalse(e.getMessage().contains("hunter2secret"), e.getMessage());
        assertTrue(e.getMessage().contains(JdbcPassword.ENV), e.getMessage());
    }

    @Test
    void aWrongPasswordFailsWithoutShowingThePassword() {
        JdbcPassword wrong = JdbcPassword.fromFile(PG.passwordFile.resolveSibling("env"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new JdbcRecommendationTable(PG.newTable("recs"), wrong).current());
        assertFalse(e.getMessage().contains("MUTUNE_PG_DIR"), e.getMessage());
        assertEquals("JdbcPassword[****]", wrong.toString());
    }

    @Test
    void aForeignTableIsRefusedAndANewerOneToo() throws SQLException {
        JdbcTarget foreign = PG.newTable("foreign");
        sql(foreign, "CREATE TABLE " + foreign.table() + " (id integer)");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new JdbcRecommendationTable(foreign, PG.password()).current());
        assertTrue(e.getMessage().contains("not written by mutune"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new JdbcRecommendationTable(foreign, PG.password()).createIfAbsent());
        assertTrue(e.getMessage().contains("not written by mutune"), e.getMessage());

        JdbcTarget newer = PG.newTable("newer");
        new JdbcRecommendationTable(newer, PG.password()).publish("s1", List.of(Recs.row("lr", 1024, 0.01, "s1")));
        sql(newer, "UPDATE mutune_tables SET schema_version = 7 WHERE table_name = '" + newer.table() + "'");
        e = assertThrows(IllegalArgumentException.class, () -> new JdbcRecommendationTable(newer, PG.password()).current());
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
    }
}
