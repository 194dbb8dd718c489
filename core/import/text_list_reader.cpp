// placeholder: written by the readers work
