import StatusView from '../../../../components/status-view';

// Placeholder while this page is being built (its owner replaces this file).
export default function Page() {
  return <StatusView empty emptyText='建设中' />;
}
