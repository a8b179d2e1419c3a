// Drag and drop on the insight board, on top of each card's "move to" select (the keyboard and no-script way, which
// this only drives): a card can be dropped on the column of a step its select offers; dropping submits that form.
(function () {
    const board = document.getElementById('board');
    if (!board) {
        return;
    }
    let dragged = null;
    board.querySelectorAll('.insight-card').forEach(card => {
        if (!card.querySelector('form.card-move')) {
            return;
        }
        card.draggable = true;
        card.addEventListener('dragstart', e => {
            dragged = card;
            card.classList.add('dragging');
            e.dataTransfer.effectAllowed = 'move';
            e.dataTransfer.setData('text/plain', card.dataset.insight);
        });
        card.addEventListener('dragend', () => {
            card.classList.remove('dragging');
            board.querySelectorAll('.column').forEach(c => c.classList.remove('drop-target', 'drop-refused'));
            dragged = null;
        });
    });
    function allowed(column) {
        return dragged && dragged.dataset.moves.split(' ').includes(column.dataset.state);
    }
    board.querySelectorAll('.column').forEach(column => {
        column.addEventListener('dragover', e => {
            if (allowed(column)) {
                e.preventDefault();
                column.classList.add('drop-target');
            }
        });
        column.addEventListener('dragleave', () => column.classList.remove('drop-target'));
        column.addEventListener('drop', e => {
            if (!allowed(column)) {
                return;
            }
            e.preventDefault();
            const form = dragged.querySelector('form.card-move');
            form.querySelector('select[name=to]').value = column.dataset.state;
            form.requestSubmit();
        });
    });
})();
