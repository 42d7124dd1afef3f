import TerritoryDesign
import Testing

@Suite struct AdjacencyGraphTests {
    @Test func componentsOfAPathWithAnIsolatedVertex() throws {
        let graph = try AdjacencyGraph(vertexCount: 4, edges: [(0, 1), (1, 2)])
        #expect(graph.connectedComponents() == [[0, 1, 2], [3]])
        #expect(graph.isConnected([0, 1, 2]))
        #expect(!graph.isConnected([0, 2]))
        #expect(graph.isConnected([]))
        #expect(graph.edgeCount == 2)
    }

    @Test func duplicateEdgesAreMergedAndBoundaryIsOutsideNeighbours() throws {
        let graph = try AdjacencyGraph(vertexCount: 5, edges: [(0, 1), (1, 0), (1, 2), (2, 3), (3, 4)])
        #expect(graph.neighbours[1] == [0, 2])
        #expect(graph.boundary(of: [1, 2]) == [0, 3])
        #expect(graph.components(of: [0, 1, 3, 4]) == [[0, 1], [3, 4]])
    }

    @Test func invalidEdgesThrowWithTheEdgeNumber() {
        #expect(throws: TerritoryError.self) { try AdjacencyGraph(vertexCount: 3, edges: [(0, 1), (1, 3)]) }
        do {
            _ = try AdjacencyGraph(vertexCount: 3, edges: [(2, 2)])
            Issue.record("a self-loop must throw")
        } catch {
            #expect("\(error)".contains("edge 1"))
        }
    }

    @Test func ctdpGraphsAreConnected() throws {
        for name in ["2DU60-05-1", "2DU100-05-7", "DU200-05-3"] {
            let instance = try CTDPInstance.load(name)
            let graph = try AdjacencyGraph(vertexCount: instance.points.count, edges: instance.edges)
            #expect(graph.connectedComponents().count == 1, "\(name)")
        }
    }
}
